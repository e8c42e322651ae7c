package io.portbroker.core.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.portbroker.core.audit.AuditEvent;
import io.portbroker.core.audit.AuditLog;
import io.portbroker.core.audit.AuditStream;
import io.portbroker.core.keys.ApiKeyAuthenticator;
import io.portbroker.core.keys.ApiKeyRecord;
import io.portbroker.core.keys.ApiKeyRecord.KeyStatus;
import io.portbroker.core.keys.ApiKeyStore;
import io.portbroker.core.keys.KeyIssuer;
import io.portbroker.core.keys.KeyLimits;
import io.portbroker.core.keys.Scopes;
import io.portbroker.core.page.Page;
import io.portbroker.core.usage.UsageStore;
import io.portbroker.core.usage.UsageTotals;
import io.portbroker.error.InvalidRequestError;
import io.portbroker.error.NotFoundError;
import io.portbroker.error.PermissionError;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Client keys: create (the secret is in that one response only), list, read, revoke, rotate with an overlap,
 * set limits, and per-day usage. Every change drops the key from this container's authentication cache; other
 * containers see it when their short cache entry expires.
 */
final class KeyAdmin {
    static final Duration DEFAULT_OVERLAP = Duration.ofHours(1);
    static final Duration MAX_OVERLAP = Duration.ofDays(7);
    private static final int MAX_USAGE_DAYS = 366;

    private final ApiKeyStore keys;
    private final KeyIssuer issuer;
    private final ApiKeyAuthenticator authenticator;
    private final UsageStore usage;
    private final AuditLog audit;
    private final Clock clock;

    KeyAdmin(
            ApiKeyStore keys,
            KeyIssuer issuer,
            ApiKeyAuthenticator authenticator,
            UsageStore usage,
            AuditLog audit,
            Clock clock) {
        this.keys = keys;
        this.issuer = issuer;
        this.authenticator = authenticator;
        this.usage = usage;
        this.audit = audit;
        this.clock = clock;
    }

    /** Body of {@code POST /admin/v1/keys}. */
    record CreateBody(
            @JsonProperty("name") String name,
            @JsonProperty("scopes") List<String> scopes,
            @JsonProperty("expires_at") String expiresAt,
            @JsonProperty("requests_per_minute") Long requestsPerMinute,
            @JsonProperty("tokens_per_minute") Long tokensPerMinute) {}

    /** Body of {@code PUT /admin/v1/keys/{id}/limits}; a missing limit is removed. */
    record LimitsBody(
            @JsonProperty("requests_per_minute") Long requestsPerMinute,
            @JsonProperty("tokens_per_minute") Long tokensPerMinute) {}

    /** Body of {@code POST /admin/v1/keys/{id}/rotate}. */
    record RotateBody(@JsonProperty("overlap_seconds") Long overlapSeconds) {}

    Object create(AdminCall call) {
        CreateBody body = call.body(CreateBody.class);
        String name = body.name() == null ? "" : body.name().strip();
        if (name.isEmpty() || name.length() > 100) {
            throw new InvalidRequestError("name is required (at most 100 characters)");
        }
        Set<String> scopes = scopes(body.scopes(), call);
        Instant expires = expiry(body.expiresAt());
        KeyLimits limits = limits(body.requestsPerMinute(), body.tokensPerMinute());
        KeyIssuer.IssuedKey issued = issuer.issue(name, scopes, expires, limits);
        audit.append(new AuditEvent(
                AuditStream.ADMIN,
                call.actor(),
                "key.create",
                issued.record().keyId(),
                Map.of(
                        "scopes",
                        String.join(",", new TreeSet<>(scopes)),
                        "prefix",
                        issued.record().prefix())));
        Map<String, Object> view = view(issued.record(), Optional.empty());
        view.put("key", issued.key());
        return view;
    }

    Object list(AdminCall call) {
        Optional<String> status = call.query("status");
        Optional<String> name = call.query("name");
        Optional<String> scope = call.query("scope");
        Instant now = clock.instant();
        // search: a name prefix answered by the store's name index (one page of index items, any number of keys)
        Page<ApiKeyRecord> page = call.query("search")
                .map(prefix -> search(prefix, call))
                .orElseGet(() -> keys.list(call.page()))
                .filter(ApiKeyRecord::current)
                .filter(r -> status.map(s -> state(r, now).equals(s)).orElse(true))
                .filter(r -> name.map(n -> r.name().toLowerCase(Locale.ROOT).contains(n.toLowerCase(Locale.ROOT)))
                        .orElse(true))
                .filter(r -> scope.map(s -> r.scopes().contains(s)).orElse(true));
        Map<String, UsageTotals> totals =
                usage.totals(page.items().stream().map(ApiKeyRecord::keyId).toList());
        return call.list(page.map(r -> view(r, Optional.ofNullable(totals.get(r.keyId())))));
    }

    private Page<ApiKeyRecord> search(String prefix, AdminCall call) {
        if (prefix.length() > 100) {
            throw new InvalidRequestError("search is a name prefix of at most 100 characters");
        }
        try {
            return keys.searchByName(prefix, call.page());
        } catch (IllegalArgumentException e) {
            // a listing cursor given to a search (or the reverse): the positions are not interchangeable
            throw new InvalidRequestError("invalid cursor");
        }
    }

    Object get(AdminCall call) {
        List<ApiKeyRecord> all = find(call.param("id"));
        ApiKeyRecord current =
                all.stream().filter(ApiKeyRecord::current).findFirst().orElse(all.getFirst());
        Map<String, Object> view = view(
                current,
                Optional.ofNullable(usage.totals(List.of(current.keyId())).get(current.keyId())));
        view.put(
                "rotating_out",
                all.stream()
                        .filter(r -> !r.current() && r.usableAt(clock.instant()))
                        .map(r -> Map.of(
                                "prefix",
                                r.prefix(),
                                "valid_until",
                                r.retiredAt().toString()))
                        .toList());
        return view;
    }

    Object revoke(AdminCall call) {
        List<ApiKeyRecord> all = findCovered(call);
        for (ApiKeyRecord r : all) {
            keys.update(r.withStatus(KeyStatus.REVOKED));
            authenticator.invalidate(r.keyHash());
        }
        audit.append(new AuditEvent(AuditStream.ADMIN, call.actor(), "key.revoke", call.param("id"), Map.of()));
        return get(call);
    }

    Object rotate(AdminCall call) {
        String id = call.param("id");
        findCovered(call);
        RotateBody body = call.request().body().length == 0 ? new RotateBody(null) : call.body(RotateBody.class);
        Duration overlap = body.overlapSeconds() == null ? DEFAULT_OVERLAP : Duration.ofSeconds(body.overlapSeconds());
        if (overlap.isNegative() || overlap.compareTo(MAX_OVERLAP) > 0) {
            throw new InvalidRequestError("overlap_seconds must be between 0 and " + MAX_OVERLAP.toSeconds());
        }
        KeyIssuer.Rotation rotation;
        try {
            rotation = issuer.rotate(id, overlap);
        } catch (NoSuchElementException e) {
            throw new InvalidRequestError("only an active key can be rotated");
        }
        authenticator.invalidate(rotation.retiring().keyHash());
        audit.append(new AuditEvent(
                AuditStream.ADMIN,
                call.actor(),
                "key.rotate",
                id,
                Map.of(
                        "new_prefix", rotation.next().record().prefix(),
                        "old_valid_until", rotation.retiring().retiredAt().toString(),
                        "overlap_seconds", String.valueOf(overlap.toSeconds()),
                        // an immediate rotation by another key locks the holder out: audit it as such
                        "by_other_key", String.valueOf(!id.equals(call.actor())))));
        Map<String, Object> view = view(rotation.next().record(), Optional.empty());
        view.put("key", rotation.next().key());
        view.put("previous_valid_until", rotation.retiring().retiredAt().toString());
        return view;
    }

    Object setLimits(AdminCall call) {
        List<ApiKeyRecord> all = findCovered(call);
        LimitsBody body = call.body(LimitsBody.class);
        KeyLimits limits = limits(body.requestsPerMinute(), body.tokensPerMinute());
        for (ApiKeyRecord r : all) {
            keys.update(r.withLimits(limits));
            authenticator.invalidate(r.keyHash());
        }
        audit.append(new AuditEvent(
                AuditStream.ADMIN,
                call.actor(),
                "key.limits",
                call.param("id"),
                Map.of(
                        "requests_per_minute", String.valueOf(limits.requestsPerMinute()),
                        "tokens_per_minute", String.valueOf(limits.tokensPerMinute()))));
        return get(call);
    }

    Object usage(AdminCall call) {
        String id = call.param("id");
        find(id);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate to = call.query("to").map(KeyAdmin::day).orElse(today);
        LocalDate from = call.query("from").map(KeyAdmin::day).orElse(to.minusDays(29));
        if (from.isAfter(to) || from.plusDays(MAX_USAGE_DAYS).isBefore(to)) {
            throw new InvalidRequestError("from must not be after to, and at most " + MAX_USAGE_DAYS + " days before");
        }
        return call.list(usage.days(id, from, to, call.page()).map(KeyAdmin::usageView));
    }

    private List<ApiKeyRecord> find(String id) {
        List<ApiKeyRecord> all = keys.findByKeyId(id);
        if (all.isEmpty()) {
            throw new NotFoundError("no key " + id);
        }
        return all;
    }

    /**
     * The key named by the path, after checking the caller could have granted every scope the key holds (the
     * same rule as create): rotating (which hands out a new secret with the key's scopes), revoking or re-limiting
     * a more powerful key would be a takeover.
     */
    private List<ApiKeyRecord> findCovered(AdminCall call) {
        List<ApiKeyRecord> all = find(call.param("id"));
        for (ApiKeyRecord r : all) {
            for (String scope : new TreeSet<>(r.scopes())) {
                if (!grantable(scope, call)) {
                    throw new PermissionError("cannot change a key holding " + scope + " without holding it");
                }
            }
        }
        return all;
    }

    private static Set<String> scopes(List<String> requested, AdminCall call) {
        if (requested == null || requested.isEmpty()) {
            throw new InvalidRequestError("scopes must name at least one scope");
        }
        for (String s : requested) {
            if (!Scopes.ALL.contains(s)) {
                throw new InvalidRequestError("unknown scope '" + s + "'");
            }
            if (!grantable(s, call)) {
                throw new PermissionError("cannot grant " + s + " without holding it");
            }
        }
        return Set.copyOf(requested);
    }

    /** A key can never hand out (or take over) more power than it holds itself; chat scopes are everyone's. */
    private static boolean grantable(String scope, AdminCall call) {
        return !scope.startsWith("admin:") || call.principal().has(scope);
    }

    private Instant expiry(String text) {
        if (text == null) {
            return null;
        }
        Instant at;
        try {
            at = Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestError("expires_at must be an ISO-8601 instant such as 2027-01-01T00:00:00Z");
        }
        if (!at.isAfter(clock.instant())) {
            throw new InvalidRequestError("expires_at must be in the future");
        }
        return at;
    }

    private static KeyLimits limits(Long rpm, Long tpm) {
        if ((rpm != null && rpm < 1) || (tpm != null && tpm < 1)) {
            throw new InvalidRequestError("limits must be positive whole numbers");
        }
        return new KeyLimits(rpm, tpm);
    }

    private static LocalDate day(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestError("days are written yyyy-MM-dd");
        }
    }

    private static String state(ApiKeyRecord r, Instant now) {
        if (r.status() == KeyStatus.REVOKED) {
            return "revoked";
        }
        return r.expiresAt() != null && !now.isBefore(r.expiresAt()) ? "expired" : "active";
    }

    private Map<String, Object> view(ApiKeyRecord r, Optional<UsageTotals> totals) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", r.keyId());
        v.put("prefix", r.prefix());
        v.put("name", r.name());
        v.put("scopes", new TreeSet<>(r.scopes()));
        v.put("status", state(r, clock.instant()));
        v.put("created_at", r.createdAt().toString());
        v.put("expires_at", r.expiresAt() == null ? null : r.expiresAt().toString());
        Map<String, Object> limits = new LinkedHashMap<>();
        limits.put("requests_per_minute", r.limits().requestsPerMinute());
        limits.put("tokens_per_minute", r.limits().tokensPerMinute());
        v.put("limits", limits);
        UsageTotals t = totals.orElse(UsageTotals.none(UsageTotals.TOTAL));
        v.put("last_used_at", t.lastUsedAt() == null ? null : t.lastUsedAt().toString());
        v.put("usage", usageView(t));
        return v;
    }

    private static Map<String, Object> usageView(UsageTotals t) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("period", t.period());
        v.put("requests", t.requests());
        v.put("input_tokens", t.inputTokens());
        v.put("output_tokens", t.outputTokens());
        return v;
    }
}
