package nl.peilbot.console;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
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

/** Computes a {@link Dashboard} from a wave's invitations and the progress of its responses; pure. */
final class DashboardCalculator {

    static final String UNKNOWN_UNIT = "?";

    private DashboardCalculator() {
    }

    static Dashboard calculate(Wave wave, List<InvitationSummary> invitations, Map<String, ResponseProgress> progress,
                               Map<String, Integer> reminders, Instant now) {
        Flow flow = wave.flow();
        List<Dashboard.Respondent> respondents = respondents(new ProfileFields(flow), invitations, progress, reminders);
        Map<String, int[]> byUnit = new LinkedHashMap<>();
        int[] overall = new int[3];
        Set<String> invitedRefs = new HashSet<>();
        invitations.stream().filter(i -> i.kind() == Invitation.Kind.INVITED && i.revokedAt() == null)
                .forEach(i -> invitedRefs.add(i.responseId()));
        for (Dashboard.Respondent respondent : respondents) {
            int[] counts = byUnit.computeIfAbsent(respondent.unit(), u -> new int[3]);
            boolean invited = invitedRefs.contains(respondent.ref());
            ResponseProgress response = progress.get(respondent.ref());
            for (int[] target : List.of(counts, overall)) {
                target[0] += invited ? 1 : 0;
                target[1] += response != null ? 1 : 0;
                target[2] += response != null && response.completed() ? 1 : 0;
            }
        }
        List<Dashboard.UnitCounts> units = byUnit.entrySet().stream()
                .map(e -> new Dashboard.UnitCounts(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2]))
                .sorted((a, b) -> a.unit().compareToIgnoreCase(b.unit())).toList();
        int denominator = wave.target() > 0 ? wave.target() : overall[0];
        Double rate = denominator == 0 ? null : (double) overall[2] / denominator;
        List<Long> completion = progress.values().stream().filter(ResponseProgress::completed)
                .filter(p -> p.startedAt() != null && p.completedAt() != null)
                .map(p -> Duration.between(p.startedAt(), p.completedAt()).toSeconds()).toList();
        Funnel funnel = funnel(flow, progress.values());
        return new Dashboard(flow.id(), flow.wave(), flow.title().in(flow.defaultLanguage()), wave.state().name().toLowerCase(java.util.Locale.ROOT),
                wave.target(), wave.openLink(), new Dashboard.Counts(overall[0], overall[1], overall[2]), units, rate,
                median(completion), funnel.steps(), funnel.leftBeforeQuestions(), respondents, now);
    }

    private record Funnel(List<Dashboard.FunnelStep> steps, int leftBeforeQuestions) {
    }

    private static Funnel funnel(Flow flow, Collection<ResponseProgress> responses) {
        List<Question> questions = flow.questions();
        Map<String, Integer> reached = new LinkedHashMap<>();
        Map<String, Integer> left = new LinkedHashMap<>();
        Map<String, List<Long>> seconds = new LinkedHashMap<>();
        Set<String> questionIds = new HashSet<>();
        for (Question question : questions) {
            questionIds.add(question.id());
            reached.put(question.id(), 0);
            left.put(question.id(), 0);
            seconds.put(question.id(), new ArrayList<>());
        }
        int beforeQuestions = 0;
        for (ResponseProgress response : responses) {
            Set<String> seen = new HashSet<>(response.answered());
            if (response.currentStep() != null) {
                seen.add(response.currentStep());
            }
            String lastSeen = null;
            for (Question question : questions) {
                if (seen.contains(question.id())) {
                    reached.merge(question.id(), 1, Integer::sum);
                    lastSeen = question.id();
                }
                Long taken = response.secondsTaken().get(question.id());
                if (taken != null) {
                    seconds.get(question.id()).add(taken);
                }
            }
            if (response.completed()) {
                continue;
            }
            String current = response.currentStep();
            String dropOff = current != null && questionIds.contains(current) ? current : lastSeen;
            if (dropOff == null) {
                beforeQuestions++;
            } else {
                left.merge(dropOff, 1, Integer::sum);
            }
        }
        List<Dashboard.FunnelStep> steps = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            Question question = questions.get(i);
            steps.add(new Dashboard.FunnelStep(question.id(), i + 1, question.text().in(flow.defaultLanguage()),
                    reached.get(question.id()), left.get(question.id()), median(seconds.get(question.id()))));
        }
        return new Funnel(steps, beforeQuestions);
    }

    private static List<Dashboard.Respondent> respondents(ProfileFields fields, List<InvitationSummary> invitations,
                                                          Map<String, ResponseProgress> progress, Map<String, Integer> reminders) {
        List<Dashboard.Respondent> respondents = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        for (InvitationSummary invitation : invitations) {
            if (invitation.kind() != Invitation.Kind.INVITED) {
                continue;
            }
            ResponseProgress response = progress.get(invitation.responseId());
            String status = invitation.revokedAt() != null ? "revoked" : status(response);
            respondents.add(new Dashboard.Respondent(invitation.responseId(), invitation.invitee().name(),
                    unit(fields.unit(invitation.profile()), response), fields.dimensions(invitation.profile()), status,
                    response == null ? null : response.updatedAt(), reminders.getOrDefault(invitation.responseId(), 0)));
            listed.add(invitation.responseId());
        }
        for (ResponseProgress response : progress.values()) {
            if (!listed.contains(response.id())) {
                respondents.add(new Dashboard.Respondent(response.id(), null, unit(null, response), null,
                        status(response), response.updatedAt(), 0));
            }
        }
        return respondents;
    }

    static String status(ResponseProgress response) {
        if (response == null) {
            return "not_started";
        }
        return response.partial() && !response.completed() ? "partial" : response.status().code();
    }

    private static String unit(String invited, ResponseProgress response) {
        if (invited != null && !invited.isBlank()) {
            return invited;
        }
        return response != null && response.unit() != null ? response.unit() : UNKNOWN_UNIT;
    }

    /** The median, or null for no values. */
    static Double median(List<Long> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
    }
}
