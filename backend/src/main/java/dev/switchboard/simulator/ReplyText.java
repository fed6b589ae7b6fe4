package dev.switchboard.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of a simulated reply: a sentence that echoes what was asked, then sentences whose words
 * are drawn from a fixed vocabulary by a random source seeded from the prompt. Plausible to look at,
 * obviously not a real model, and the same prompt always gives the same words.
 */
final class ReplyText {

    static final List<String> VOCABULARY = List.of(
            "budget",
            "forecast",
            "pipeline",
            "quarterly",
            "customer",
            "analysis",
            "report",
            "latency",
            "department",
            "review",
            "approval",
            "workflow",
            "summary",
            "revenue",
            "risk",
            "policy",
            "invoice",
            "contract",
            "schedule",
            "priority",
            "team",
            "project",
            "metrics",
            "dashboard",
            "growth",
            "cost",
            "estimate",
            "signal",
            "context",
            "evidence",
            "proposal",
            "timeline",
            "milestone",
            "baseline",
            "variance",
            "supplier",
            "inventory",
            "compliance",
            "audit",
            "migration",
            "capacity",
            "release",
            "feedback",
            "insight",
            "trend",
            "segment",
            "channel",
            "strategy",
            "outcome",
            "benefit",
            "tradeoff",
            "option",
            "decision",
            "should",
            "could",
            "will",
            "improve",
            "reduce",
            "confirm",
            "compare",
            "track",
            "balance",
            "plan",
            "the",
            "and",
            "of",
            "for",
            "with",
            "to",
            "in",
            "a",
            "this",
            "next");

    private static final int TOPIC_WORDS = 12;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'_-]*");
    private static final Pattern QUOTED = Pattern.compile("[\"“']([^\"”']{1,60})[\"”']");

    private ReplyText() {}

    /** The first words of {@code text}, as a short quotable summary of what was asked. */
    static String topic(String text) {
        List<String> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(text);
        while (words.size() < TOPIC_WORDS && matcher.find()) {
            words.add(matcher.group());
        }
        return String.join(" ", words);
    }

    /** The words of {@code text}, lower-cased, for matching against tool names and descriptions. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (matcher.find()) {
            words.add(matcher.group());
        }
        return words;
    }

    /** Quoted strings and capitalised words inside a sentence: likely argument values ("Paris"). */
    static List<String> hints(String text) {
        List<String> hints = new ArrayList<>();
        Matcher quoted = QUOTED.matcher(text);
        while (quoted.find()) {
            hints.add(quoted.group(1).strip());
        }
        Matcher word = WORD.matcher(text);
        while (word.find()) {
            String candidate = word.group();
            if (Character.isUpperCase(candidate.charAt(0)) && !startsSentence(text, word.start())) {
                if (!hints.contains(candidate)) {
                    hints.add(candidate);
                }
            }
        }
        return hints;
    }

    private static boolean startsSentence(String text, int index) {
        int i = index - 1;
        while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
            i--;
        }
        return i < 0 || ".!?:\n".indexOf(text.charAt(i)) >= 0;
    }

    /** A reply to the conversation: an echo of the request, then 18 to 57 drawn words. */
    static String reply(ChatRequest request, SplittableRandom random) {
        StringBuilder reply = new StringBuilder();
        if (request.endsWithToolResult()) {
            String result = topic(request.turns().getLast().text());
            reply.append("Based on the tool result (")
                    .append(result.isEmpty() ? "empty" : result)
                    .append("), ");
            reply.append("here is the answer. ");
        } else {
            String topic = topic(request.lastUserText());
            reply.append(topic.isEmpty() ? "You sent no text." : "You asked about \"" + topic + "\".");
            int images = request.images();
            if (images > 0) {
                reply.append(" I looked at ")
                        .append(images == 1 ? "the image" : images + " images")
                        .append('.');
            }
            reply.append(' ');
        }
        reply.append(sentences(random, 18 + random.nextInt(40)));
        return reply.toString();
    }

    /** {@code count} vocabulary words in sentences of six to twelve words. */
    static String sentences(SplittableRandom random, int count) {
        StringBuilder text = new StringBuilder();
        int left = count;
        while (left > 0) {
            int length = Math.min(left, 6 + random.nextInt(7));
            for (int w = 0; w < length; w++) {
                String word = VOCABULARY.get(random.nextInt(VOCABULARY.size()));
                if (w == 0) {
                    word = Character.toUpperCase(word.charAt(0)) + word.substring(1);
                }
                text.append(text.isEmpty() ? "" : " ").append(word);
            }
            text.append('.');
            left -= length;
        }
        return text.toString();
    }

    /** A few vocabulary words, for string values. */
    static String phrase(SplittableRandom random, int words) {
        List<String> picked = new ArrayList<>();
        for (int i = 0; i < words; i++) {
            picked.add(VOCABULARY.get(random.nextInt(VOCABULARY.size())));
        }
        return String.join(" ", picked);
    }
}
