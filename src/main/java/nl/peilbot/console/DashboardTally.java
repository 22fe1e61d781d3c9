package nl.peilbot.console;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.peilbot.conversation.Wave;
import nl.peilbot.flow.Flow;
import nl.peilbot.flow.Question;
import nl.peilbot.invitation.Invitation;
import nl.peilbot.invitation.InvitationSummary;
import nl.peilbot.response.ResponseProgress;

/**
 * What one respondent adds to a wave's dashboard counters, and the dashboard figures read back from them; pure.
 *
 * <p>A respondent's contribution is a set of {@link DashboardKey counter keys}, each adding one: invited, started
 * and completed per unit, each question reached, where a respondent who has not completed left, the seconds to
 * complete and the seconds taken per question in the chat. Durations are counted in buckets, exact below
 * {@value #EXACT_BELOW} seconds and rounded to two significant digits above, so the medians read from them are
 * within 5% while the counters stay bounded whatever the number of responses.
 */
final class DashboardTally {

    static final int EXACT_BELOW = 100;

    private DashboardTally() {
    }

    /** The keys the respondent with this invitation (may be null) and response (may be null) counts under. */
    static Set<DashboardKey> contribution(Flow flow, InvitationSummary invitation, ResponseProgress response) {
        InvitationSummary invited = invitation != null && invitation.kind() == Invitation.Kind.INVITED ? invitation : null;
        Set<DashboardKey> keys = new HashSet<>();
        if (invited == null && response == null) {
            return keys;
        }
        String unit = unit(invited == null ? null : new ProfileFields(flow).unit(invited.profile()), response);
        if (invited != null && invited.revokedAt() == null) {
            keys.add(new DashboardKey.Invited(unit));
        }
        if (response == null) {
            return keys;
        }
        keys.add(new DashboardKey.Started(unit));
        if (response.completed()) {
            keys.add(new DashboardKey.Completed(unit));
            if (response.startedAt() != null && response.completedAt() != null) {
                keys.add(new DashboardKey.CompletionSeconds(
                        bucket(Duration.between(response.startedAt(), response.completedAt()).toSeconds())));
            }
        }
        Set<String> seen = new HashSet<>(response.answered());
        if (response.currentStep() != null) {
            seen.add(response.currentStep());
        }
        Set<String> questionIds = new HashSet<>();
        String lastSeen = null;
        for (Question question : flow.questions()) {
            questionIds.add(question.id());
            if (seen.contains(question.id())) {
                keys.add(new DashboardKey.Reached(question.id()));
                lastSeen = question.id();
            }
            Long taken = response.secondsTaken().get(question.id());
            if (taken != null) {
                keys.add(new DashboardKey.SecondsTaken(question.id(), bucket(taken)));
            }
        }
        if (!response.completed()) {
            String current = response.currentStep();
            String dropOff = current != null && questionIds.contains(current) ? current : lastSeen;
            keys.add(dropOff == null ? new DashboardKey.LeftBeforeTheFirstQuestion() : new DashboardKey.LeftAt(dropOff));
        }
        return keys;
    }

    /** The seconds value a duration is counted under. */
    static long bucket(long seconds) {
        if (seconds < EXACT_BELOW) {
            return Math.max(0, seconds);
        }
        long scale = 1;
        while (seconds / scale >= 100) {
            scale *= 10;
        }
        return Math.round((double) seconds / scale) * scale;
    }

    /** The dashboard the counters show; the respondents table is a separate, paged request. */
    static Dashboard dashboard(Wave wave, Map<DashboardKey, Long> counters, java.time.Instant now) {
        Flow flow = wave.flow();
        Map<String, long[]> byUnit = new LinkedHashMap<>();
        Map<Long, Long> completion = new LinkedHashMap<>();
        Map<String, Map<Long, Long>> taken = new LinkedHashMap<>();
        counters.forEach((key, count) -> {
            if (count == 0) {
                return;
            }
            if (key instanceof DashboardKey.Invited invited) {
                byUnit.computeIfAbsent(invited.unit(), u -> new long[3])[0] += count;
            } else if (key instanceof DashboardKey.Started started) {
                byUnit.computeIfAbsent(started.unit(), u -> new long[3])[1] += count;
            } else if (key instanceof DashboardKey.Completed completed) {
                byUnit.computeIfAbsent(completed.unit(), u -> new long[3])[2] += count;
            } else if (key instanceof DashboardKey.CompletionSeconds seconds) {
                completion.merge(seconds.bucket(), count, Long::sum);
            } else if (key instanceof DashboardKey.SecondsTaken seconds) {
                taken.computeIfAbsent(seconds.question(), q -> new LinkedHashMap<>()).merge(seconds.bucket(), count, Long::sum);
            }
        });
        int[] overall = new int[3];
        List<Dashboard.UnitCounts> units = new ArrayList<>();
        byUnit.forEach((unit, c) -> {
            units.add(new Dashboard.UnitCounts(unit, (int) c[0], (int) c[1], (int) c[2]));
            for (int i = 0; i < 3; i++) {
                overall[i] += (int) c[i];
            }
        });
        units.sort((a, b) -> a.unit().compareToIgnoreCase(b.unit()));
        int denominator = wave.target() > 0 ? wave.target() : overall[0];
        Double rate = denominator == 0 ? null : (double) overall[2] / denominator;
        List<Dashboard.FunnelStep> steps = new ArrayList<>();
        List<Question> questions = flow.questions();
        for (int i = 0; i < questions.size(); i++) {
            Question question = questions.get(i);
            steps.add(new Dashboard.FunnelStep(question.id(), i + 1, question.text().in(flow.defaultLanguage()),
                    count(counters, new DashboardKey.Reached(question.id())),
                    count(counters, new DashboardKey.LeftAt(question.id())),
                    median(taken.getOrDefault(question.id(), Map.of()))));
        }
        return new Dashboard(flow.id(), flow.wave(), flow.title().in(flow.defaultLanguage()),
                wave.state().name().toLowerCase(java.util.Locale.ROOT), wave.target(), wave.openLink(),
                new Dashboard.Counts(overall[0], overall[1], overall[2]), units, rate, median(completion), steps,
                count(counters, new DashboardKey.LeftBeforeTheFirstQuestion()), List.of(), now);
    }

    private static int count(Map<DashboardKey, Long> counters, DashboardKey key) {
        return counters.getOrDefault(key, 0L).intValue();
    }

    /** The median of a histogram of seconds values; null when it is empty. */
    static Double median(Map<Long, Long> histogram) {
        List<Long> values = new ArrayList<>();
        Map<Long, Long> sorted = new java.util.TreeMap<>(histogram);
        long total = sorted.values().stream().mapToLong(Long::longValue).sum();
        if (total <= 0) {
            return null;
        }
        long lower = (total - 1) / 2;
        long upper = total / 2;
        long seen = 0;
        for (Map.Entry<Long, Long> entry : sorted.entrySet()) {
            long next = seen + entry.getValue();
            if (values.isEmpty() && lower < next) {
                values.add(entry.getKey());
            }
            if (upper < next) {
                values.add(entry.getKey());
                break;
            }
            seen = next;
        }
        return (values.get(0) + values.get(values.size() - 1)) / 2.0;
    }

    static String unit(String invited, ResponseProgress response) {
        if (invited != null && !invited.isBlank()) {
            return invited;
        }
        return response != null && response.unit() != null ? response.unit() : DashboardCalculator.UNKNOWN_UNIT;
    }
}
