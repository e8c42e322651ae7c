package io.portbroker.core.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads durations as people write them in YAML: {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h} or ISO-8601. */
final class DurationText {

    private static final Pattern SHORT = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h)");

    private DurationText() {}

    /** The positive duration the text denotes, or empty when it is not one. */
    static Optional<Duration> parse(String text) {
        String trimmed = text.strip().toLowerCase(Locale.ROOT);
        Matcher m = SHORT.matcher(trimmed);
        Duration value;
        if (m.matches()) {
            long amount = Long.parseLong(m.group(1));
            value = switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        } else {
            try {
                value = Duration.parse(trimmed.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        return value.isZero() || value.isNegative() ? Optional.empty() : Optional.of(value);
    }
}
