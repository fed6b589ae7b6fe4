/**
 * Budget views: the budgets dashboard (spend against budget over time, burn-rate forecast, top
 * consumers, alerts), chargeback statements with CSV download and period closing, and the provider
 * balances. They call the backend's facades ({@code Budgets}, {@code UsageLedger}, {@code Chargeback},
 * {@code Notifications}, {@code ProviderAccounts}), which check every access again.
 */
package dev.switchboard.ui.budget;
