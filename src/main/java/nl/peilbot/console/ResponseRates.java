package nl.peilbot.console;

import java.util.Optional;

import org.springframework.stereotype.Component;

import nl.peilbot.conversation.Waves;

/**
 * What a wave's response rate is measured against, for pages outside the console (the results page's summary): the
 * target the organisers set in the wave's settings and the invitations issued, read from the dashboard's maintained
 * counters, so a read costs the same whatever the size of the wave.
 */
@Component
public class ResponseRates {

    private final Waves waves;
    private final DashboardService dashboards;

    ResponseRates(Waves waves, DashboardService dashboards) {
        this.waves = waves;
        this.dashboards = dashboards;
    }

    /**
     * The wave's target and invitations; empty when the survey's current flow is not this wave (a wave of the past,
     * or one known only from stored results), which the console no longer runs.
     */
    public Optional<Goal> goal(String survey, String wave) {
        return waves.find(survey).filter(w -> w.wave().equals(wave))
                .map(w -> new Goal(w.target(), dashboards.dashboard(w).overall().invited()));
    }

    /**
     * @param target  completed responses the organisers aim for; 0 when none is set
     * @param invited invitations issued and not revoked
     */
    public record Goal(int target, int invited) {
    }
}
