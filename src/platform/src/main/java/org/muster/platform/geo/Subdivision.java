package org.muster.platform.geo;

import java.util.Objects;

/**
 * One ISO 3166-2 subdivision, e.g. {@code AF-KAB, AF, Kabul, province}.
 *
 * @param code    the ISO 3166-2 code, upper case ({@code AF-KAB})
 * @param country the ISO 3166-1 alpha-2 country it belongs to ({@code AF})
 * @param name    its name
 * @param type    its kind as ISO names it (province, region, Land, ...)
 */
public record Subdivision(String code, String country, String name, String type) {
    public Subdivision {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }
}
