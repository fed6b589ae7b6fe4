package dev.switchboard.catalog;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;

/** Lower-case wire codes of the catalog's enums, with errors that list the accepted values. */
final class Codes {

    private Codes() {}

    static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static <E extends Enum<E>> E parse(Class<E> type, String code, String field, Function<E, String> codeOf) {
        E[] values = type.getEnumConstants();
        return Arrays.stream(values)
                .filter(v -> codeOf.apply(v).equals(code) || v.name().equals(code))
                .findFirst()
                .orElseThrow(() -> new CatalogValidationException(
                        field,
                        "unknown value '" + code + "'; known values are "
                                + Arrays.stream(values).map(codeOf).toList()));
    }
}
