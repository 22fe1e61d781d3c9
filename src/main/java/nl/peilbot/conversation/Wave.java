package nl.peilbot.conversation;

import nl.peilbot.flow.Flow;

/**
 * One survey wave as organisers run it: its current flow and settings.
 *
 * @param target   how many completed responses the organisers aim for; 0 when none is set
 * @param openLink whether the survey's open link (no invitation) may be used
 */
public record Wave(Flow flow, WaveState state, int target, boolean openLink) {

    public String survey() {
        return flow.id();
    }

    public String wave() {
        return flow.wave();
    }
}
