package dev.switchboard.ledger;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param defaultMarkupBasisPoints the markup where no org unit on the path sets one (2 000 bp = 20 %)
 */
@Validated
@ConfigurationProperties("switchboard.ledger")
public record LedgerProperties(
        @Min(0) @Max(Markup.MAX_BASIS_POINTS) @DefaultValue("2000")
        int defaultMarkupBasisPoints) {}
