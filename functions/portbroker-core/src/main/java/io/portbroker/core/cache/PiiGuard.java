package io.portbroker.core.cache;

import io.portbroker.protocol.ir.ContentBlock;
import io.portbroker.protocol.ir.Message;
import io.portbroker.protocol.ir.NormalizedRequest;
import io.portbroker.protocol.ir.NormalizedResponse;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Looks for personal data and secrets before anything is cached: e-mail addresses, phone numbers, card numbers
 * (Luhn-checked), IBANs (mod-97-checked), national ids (US SSN, UK NINO) and API-key shapes. Reports only the
 * kinds found, never the values; {@link #redact} replaces matches in an answer with {@code [KIND]}.
 */
public final class PiiGuard {
    private static final List<Detector> DETECTORS = List.of(
            new Detector(
                    "api_key",
                    Pattern.compile("\\b(?:sk-[A-Za-z0-9_-]{20,}|pb_live_[A-Za-z0-9]{38}|AKIA[0-9A-Z]{16}"
                            + "|gh[pousr]_[A-Za-z0-9]{36}|xox[abprs]-[A-Za-z0-9-]{10,}|AIza[0-9A-Za-z_-]{35})"),
                    s -> true),
            new Detector(
                    "email",
                    // linear on long runs: a match may only start at a boundary, and possessive runs never backtrack
                    Pattern.compile("(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]++@[A-Za-z0-9-]++(?:\\.[A-Za-z0-9-]++)++"),
                    PiiGuard::emailLike),
            new Detector("iban", Pattern.compile("\\b[A-Z]{2}\\d{2}(?: ?[A-Z0-9]){11,30}\\b"), PiiGuard::ibanValid),
            new Detector("card", Pattern.compile("\\b\\d(?:[ -]?\\d){12,18}\\b"), PiiGuard::luhnValid),
            new Detector(
                    "national_id",
                    Pattern.compile(
                            "\\b(?:\\d{3}-\\d{2}-\\d{4}|[A-CEGHJ-PR-TW-Z]{2} ?\\d{2} ?\\d{2} ?\\d{2} ?[A-D])\\b"),
                    s -> true),
            new Detector(
                    "phone",
                    Pattern.compile("(?<![\\w.+-])(?:\\+\\d{1,3}[ .-]?(?:\\(?\\d{1,4}\\)?[ .-]?){2,4}\\d{2,4}"
                            + "|\\(\\d{3}\\) ?\\d{3}[ .-]\\d{4}|\\d{3}[.-]\\d{3}[.-]\\d{4})(?![\\w-])"),
                    PiiGuard::phoneLike));

    private PiiGuard() {}

    /** The kinds of PII in the request's text (system, turns, tool results), sorted; empty when none. */
    public static Set<String> scan(NormalizedRequest request) {
        Set<String> kinds = new TreeSet<>();
        request.system().forEach(t -> scan(t.text(), kinds));
        for (Message m : request.messages()) {
            m.content().forEach(b -> scan(b, kinds));
        }
        return kinds;
    }

    /** The kinds of PII in an answer's text and tool arguments. */
    public static Set<String> scan(NormalizedResponse response) {
        Set<String> kinds = new TreeSet<>();
        response.content().forEach(b -> scan(b, kinds));
        return kinds;
    }

    /** Kinds found in one text. */
    static Set<String> scan(String text) {
        Set<String> kinds = new TreeSet<>();
        scan(text, kinds);
        return kinds;
    }

    /** The answer with every match in its text blocks replaced by {@code [KIND]}. */
    public static NormalizedResponse redact(NormalizedResponse r) {
        List<ContentBlock> content = new ArrayList<>();
        for (ContentBlock b : r.content()) {
            content.add(
                    switch (b) {
                        case ContentBlock.Text t -> new ContentBlock.Text(redact(t.text()));
                        case ContentBlock.Thinking th ->
                            new ContentBlock.Thinking(redact(th.thinking()), th.signature());
                        default -> b;
                    });
        }
        return new NormalizedResponse(r.id(), r.model(), content, r.stopReason(), r.stopSequence(), r.usage());
    }

    static String redact(String text) {
        String out = text;
        for (Detector d : DETECTORS) {
            Matcher m = d.pattern().matcher(out);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                String replacement =
                        d.valid().test(m.group()) ? "[" + d.kind().toUpperCase(Locale.ROOT) + "]" : m.group();
                m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
            }
            m.appendTail(sb);
            out = sb.toString();
        }
        return out;
    }

    private static void scan(ContentBlock b, Set<String> kinds) {
        switch (b) {
            case ContentBlock.Text t -> scan(t.text(), kinds);
            case ContentBlock.Thinking th -> scan(th.thinking(), kinds);
            case ContentBlock.ToolUse u -> scan(u.input().toString(), kinds);
            case ContentBlock.ToolResult tr -> tr.content().forEach(c -> scan(c, kinds));
            case ContentBlock.Document d
            when d.source() instanceof io.portbroker.protocol.ir.MediaSource.PlainText p -> scan(p.text(), kinds);
            default -> {
                // images and binary documents are keyed by digest and never scanned
            }
        }
    }

    private static void scan(String text, Set<String> kinds) {
        if (text == null || text.isEmpty()) {
            return;
        }
        for (Detector d : DETECTORS) {
            if (!kinds.contains(d.kind())) {
                Matcher m = d.pattern().matcher(text);
                while (m.find()) {
                    if (d.valid().test(m.group())) {
                        kinds.add(d.kind());
                        break;
                    }
                }
            }
        }
    }

    /** The domain ends in a label of two or more letters. */
    static boolean emailLike(String candidate) {
        String tld = candidate.substring(candidate.lastIndexOf('.') + 1);
        return tld.length() >= 2 && tld.chars().allMatch(Character::isLetter);
    }

    static boolean luhnValid(String candidate) {
        String digits = candidate.replaceAll("[ -]", "");
        if (digits.length() < 13 || digits.length() > 19) {
            return false;
        }
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    static boolean ibanValid(String candidate) {
        String iban = candidate.replace(" ", "");
        if (iban.length() < 15 || iban.length() > 34) {
            return false;
        }
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        StringBuilder numeric = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            numeric.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }

    /** 9 to 15 digits (the pattern already demands a + prefix or a (ddd) ddd-dddd / ddd-ddd-dddd shape). */
    static boolean phoneLike(String candidate) {
        long digits = candidate.chars().filter(Character::isDigit).count();
        return digits >= 9 && digits <= 15;
    }

    private record Detector(String kind, Pattern pattern, Predicate<String> valid) {}
}
