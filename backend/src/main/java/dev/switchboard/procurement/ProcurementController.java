package dev.switchboard.procurement;

import dev.switchboard.catalog.ProviderId;
import dev.switchboard.platform.ConditionalOnNodeRole;
import dev.switchboard.platform.Money;
import dev.switchboard.platform.NodeRole;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST API of provider accounts (procurement): balances, top-ups, credit limits, adjustments. Platform
 * admins and finance only. Amounts are integer micro-units of the account's currency.
 */
@RestController
@RequestMapping("/api/v1/procurement/accounts")
@ConditionalOnNodeRole(NodeRole.API)
@Tag(name = "Procurement", description = "Prepaid balances and credit lines at upstream providers")
class ProcurementController {

    private final ProviderAccounts accounts;

    ProcurementController(ProviderAccounts accounts) {
        this.accounts = accounts;
    }

    record AccountResponse(
            String providerId,
            AccountKind kind,
            String currency,
            long creditLimitMicros,
            long creditedMicros,
            long spentMicros,
            long balanceMicros,
            long remainingMicros,
            long lowBalanceThresholdMicros,
            AlertLevel alertLevel,
            Instant alertChangedAt,
            boolean avoidWhenExhausted,
            Instant openedAt,
            Instant createdAt,
            String createdBy,
            Instant updatedAt) {
        static AccountResponse of(ProviderAccount a) {
            return new AccountResponse(
                    a.providerId().value(),
                    a.kind(),
                    a.remaining().currency().getCurrencyCode(),
                    a.creditLimit().micros(),
                    a.credited().micros(),
                    a.spent().micros(),
                    a.balance().micros(),
                    a.remaining().micros(),
                    a.lowBalanceThreshold().micros(),
                    a.alertLevel(),
                    a.alertChangedAt(),
                    a.avoidWhenExhausted(),
                    a.openedAt(),
                    a.createdAt(),
                    a.createdBy(),
                    a.updatedAt());
        }
    }

    record EntryResponse(
            long id,
            String providerId,
            EntryKind kind,
            long amountMicros,
            String currency,
            String reference,
            String note,
            String recordedBy,
            Instant recordedAt) {
        static EntryResponse of(AccountEntry e) {
            return new EntryResponse(
                    e.id(),
                    e.providerId().value(),
                    e.kind(),
                    e.amount().micros(),
                    e.amount().currency().getCurrencyCode(),
                    e.reference(),
                    e.note(),
                    e.recordedBy(),
                    e.recordedAt());
        }
    }

    record CreateRequest(
            @NotBlank @Size(max = 63) String providerId,
            @NotNull AccountKind kind,
            @NotBlank String currency,
            Long initialAmountMicros,
            @Size(max = Texts.REFERENCE_MAX) String reference,
            @NotNull @Min(0) Long lowBalanceThresholdMicros,
            Boolean avoidWhenExhausted,
            Instant openedAt) {}

    record UpdateRequest(
            @NotNull @Min(0) Long lowBalanceThresholdMicros,
            @NotNull Boolean avoidWhenExhausted) {}

    record EntryRequest(
            @NotNull Long amountMicros,
            @NotBlank String currency,
            @NotBlank @Size(max = Texts.REFERENCE_MAX) String reference,
            @Size(max = Texts.NOTE_MAX) String note) {}

    @GetMapping
    @Operation(summary = "Every provider account with credits, ledger spend, what is left and its alert level")
    List<AccountResponse> list() {
        return accounts.accounts().stream().map(AccountResponse::of).toList();
    }

    @GetMapping("/{providerId}")
    AccountResponse get(@PathVariable String providerId) {
        return AccountResponse.of(accounts.account(ProviderId.of(providerId)));
    }

    @PostMapping
    @Operation(summary = "Open a provider's account: PREPAID (optional first top-up) or CREDIT_LINE (its limit)")
    ResponseEntity<AccountResponse> create(@Valid @RequestBody CreateRequest request) {
        Currency currency = currency(request.currency());
        ProviderAccount opened = accounts.open(new NewProviderAccount(
                ProviderId.of(request.providerId()),
                request.kind(),
                currency,
                request.initialAmountMicros() == null ? null : new Money(request.initialAmountMicros(), currency),
                request.reference(),
                new AccountSettings(
                        new Money(request.lowBalanceThresholdMicros(), currency),
                        Boolean.TRUE.equals(request.avoidWhenExhausted())),
                request.openedAt()));
        return ResponseEntity.created(URI.create("/api/v1/procurement/accounts/" + opened.providerId()))
                .body(AccountResponse.of(opened));
    }

    @PutMapping("/{providerId}")
    @Operation(summary = "Change the low-balance threshold and whether the router avoids the provider when exhausted")
    AccountResponse update(@PathVariable String providerId, @Valid @RequestBody UpdateRequest request) {
        ProviderId id = ProviderId.of(providerId);
        Currency currency = accounts.account(id).remaining().currency();
        return AccountResponse.of(accounts.update(
                id,
                new AccountSettings(
                        new Money(request.lowBalanceThresholdMicros(), currency), request.avoidWhenExhausted())));
    }

    @PostMapping("/{providerId}/top-ups")
    @Operation(summary = "Record a top-up (for a credit line: a payment)")
    ResponseEntity<EntryResponse> topUp(@PathVariable String providerId, @Valid @RequestBody EntryRequest request) {
        return recorded(providerId, EntryKind.TOP_UP, request);
    }

    @PostMapping("/{providerId}/credit-limit")
    @Operation(summary = "Record a credit line's new limit")
    ResponseEntity<EntryResponse> creditLimit(
            @PathVariable String providerId, @Valid @RequestBody EntryRequest request) {
        return recorded(providerId, EntryKind.CREDIT_LIMIT, request);
    }

    @PostMapping("/{providerId}/adjustments")
    @Operation(summary = "Record a signed correction (refund, credit note, booking error)")
    ResponseEntity<EntryResponse> adjust(@PathVariable String providerId, @Valid @RequestBody EntryRequest request) {
        return recorded(providerId, EntryKind.ADJUSTMENT, request);
    }

    @GetMapping("/{providerId}/entries")
    @Operation(summary = "The account's entries, newest first")
    List<EntryResponse> entries(@PathVariable String providerId) {
        return accounts.entries(ProviderId.of(providerId)).stream()
                .map(EntryResponse::of)
                .toList();
    }

    private ResponseEntity<EntryResponse> recorded(String providerId, EntryKind kind, EntryRequest request) {
        AccountEntry entry = accounts.record(
                ProviderId.of(providerId),
                new NewAccountEntry(
                        kind,
                        new Money(request.amountMicros(), currency(request.currency())),
                        request.reference(),
                        request.note()));
        return ResponseEntity.created(URI.create("/api/v1/procurement/accounts/" + providerId + "/entries"))
                .body(EntryResponse.of(entry));
    }

    private static Currency currency(String code) {
        try {
            if (code.matches("[A-Z]{3}")) {
                return Currency.getInstance(code);
            }
        } catch (IllegalArgumentException unknown) {
            // falls through to the same message
        }
        throw new ProcurementValidationException("currency", "'" + code + "' is not an ISO 4217 currency code");
    }
}
