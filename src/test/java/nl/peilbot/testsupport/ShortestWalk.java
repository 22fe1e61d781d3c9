package nl.peilbot.testsupport;

import nl.peilbot.engine.Inbound;
import nl.peilbot.engine.Outbound;

/**
 * Answers the 2020 questionnaire along its shortest branch (no policy, AI not applied), for tests that only need a
 * completed response: familiarity "Bekend", scale "AI wordt niet toegepast", concerns "Kosten en kennis", submitted.
 */
public final class ShortestWalk {

    private ShortestWalk() {
    }

    /** The reply to the step being asked; the profile is expected to come from the invitation. */
    public static Inbound answerTo(Outbound.Ask ask) {
        return switch (ask.stepId()) {
            case "#consent" -> new Inbound.Choice("#yes");
            case "familiarity" -> new Inbound.Choice("familiar");
            case "followsDevelopments" -> new Inbound.Choice("closely");
            case "knownApplications", "drivers" -> new Inbound.Text("1, 2");
            case "policy", "aiChampion" -> new Inbound.Choice("no");
            case "scale" -> new Inbound.Text("4");
            case "workloadReduction" -> new Inbound.Choice("pct10");
            case "expectedSupport" -> new Inbound.Text("Beeldherkenning");
            case "potential" -> new Inbound.Text("Diagnostiek");
            case "concerns" -> new Inbound.Text("Kosten en kennis");
            case "#summary" -> new Inbound.Choice("#submit");
            default -> throw new AssertionError("unexpected step " + ask.stepId());
        };
    }
}
