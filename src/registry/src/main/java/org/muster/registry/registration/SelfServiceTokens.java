package org.muster.registry.registration;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Signed, expiring tokens that let a citizen come back to their registration without an
 * account: {@code base64url(nationalId:expiresEpochSeconds).base64url(HMAC-SHA256)}.
 * Nothing is stored; a token is as good as the key that signed it, so the key is a secret.
 */
public final class SelfServiceTokens {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final byte[] key;
    private final Duration validity;
    private final Clock clock;

    public SelfServiceTokens(String signingKey, Duration validity, Clock clock) {
        if (signingKey == null || signingKey.length() < 16) {
            throw new IllegalArgumentException("the self-service signing key must have at least 16 characters");
        }
        this.key = signingKey.getBytes(StandardCharsets.UTF_8);
        this.validity = validity;
        this.clock = clock;
    }

    public String issue(UUID nationalId) {
        String payload = nationalId + ":" + clock.instant().plus(validity).getEpochSecond();
        return ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + ENCODER.encodeToString(sign(payload));
    }

    /** The national the token was issued to, if it is genuine and not expired. */
    public Optional<UUID> verify(String token) {
        if (token == null) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot < 1 || dot == token.length() - 1) {
            return Optional.empty();
        }
        try {
            String payload = new String(DECODER.decode(token.substring(0, dot)), StandardCharsets.UTF_8);
            byte[] signature = DECODER.decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, sign(payload))) {
                return Optional.empty();
            }
            String[] parts = payload.split(":");
            if (parts.length != 2) {
                return Optional.empty();
            }
            if (Instant.ofEpochSecond(Long.parseLong(parts[1])).isBefore(clock.instant())) {
                return Optional.empty();
            }
            return Optional.of(UUID.fromString(parts[0]));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
