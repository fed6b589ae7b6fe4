/**
 * Gateway views: providers and models with their prices, API keys, the live usage table and the try-it
 * console. They call the backend's facades ({@code Catalog}, {@code PriceList}, {@code ApiKeys}, {@code
 * UsageLedger}, {@code GatewayService}) and show simulated providers as simulated wherever their output
 * appears.
 */
package dev.switchboard.ui.gateway;
