package dev.switchboard.connectors.http;

import java.net.InetAddress;

/** A CIDR block ({@code 10.0.0.0/8}, {@code fc00::/7}) or a single address; matched without DNS. */
record AddressRange(byte[] network, int prefixLength) {

    /** Parses {@code a.b.c.d/n}, {@code v6::/n} or a bare literal address (full length). */
    static AddressRange parse(String text) {
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        if (address.startsWith("[") && address.endsWith("]")) {
            address = address.substring(1, address.length() - 1);
        }
        byte[] bytes;
        try {
            // ofLiteral never asks DNS, so a typo in the policy cannot turn into a lookup
            bytes = InetAddress.ofLiteral(address).getAddress();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not an IP address or CIDR block: " + text, e);
        }
        int prefix = bytes.length * 8;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad prefix length in " + text, e);
            }
            if (prefix < 0 || prefix > bytes.length * 8) {
                throw new IllegalArgumentException("prefix length out of range in " + text);
            }
        }
        return new AddressRange(bytes, prefix);
    }

    /** Returns {@code null} when the text is neither an IP literal nor a CIDR block. */
    static AddressRange tryParse(String text) {
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        if (candidate.length != network.length) {
            return false;
        }
        int fullBytes = prefixLength / 8;
        for (int i = 0; i < fullBytes; i++) {
            if (candidate[i] != network[i]) {
                return false;
            }
        }
        int restBits = prefixLength % 8;
        if (restBits == 0) {
            return true;
        }
        int mask = (0xFF << (8 - restBits)) & 0xFF;
        return (candidate[fullBytes] & mask) == (network[fullBytes] & mask);
    }
}
