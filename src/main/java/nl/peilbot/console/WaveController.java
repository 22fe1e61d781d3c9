package nl.peilbot.console;

import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import nl.peilbot.conversation.Wave;
import nl.peilbot.conversation.WaveState;
import nl.peilbot.conversation.Waves;

/** The console's waves: list, open/pause/close, settings, the live dashboard, its event stream and the paged respondents table. */
@RestController
@RequestMapping("/console/api/waves")
class WaveController {

    private final Waves waves;
    private final DashboardService dashboards;
    private final ProgressBroadcaster broadcaster;

    WaveController(Waves waves, DashboardService dashboards, ProgressBroadcaster broadcaster) {
        this.waves = waves;
        this.dashboards = dashboards;
        this.broadcaster = broadcaster;
    }

    record WaveJson(String survey, String wave, String title, String state, int target, boolean openLink) {

        static WaveJson of(Wave wave) {
            return new WaveJson(wave.survey(), wave.wave(), wave.flow().title().in(wave.flow().defaultLanguage()),
                    wave.state().name().toLowerCase(Locale.ROOT), wave.target(), wave.openLink());
        }
    }

    record StateChange(String state) {
    }

    static final int MAX_TARGET = 100_000;

    record Settings(Integer target, Boolean openLink) {
    }

    @GetMapping
    List<WaveJson> list() {
        return waves.all().stream().map(WaveJson::of).toList();
    }

    @PostMapping("/{survey}/state")
    WaveJson change(@PathVariable String survey, @RequestBody StateChange change) {
        WaveState state;
        try {
            state = WaveState.valueOf(String.valueOf(change.state()).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "state must be open, paused or closed");
        }
        ConsoleWaves.wave(waves, survey);
        Wave wave = waves.change(survey, state).orElseThrow();
        broadcaster.changed(survey);
        return WaveJson.of(wave);
    }

    @PostMapping("/{survey}/settings")
    WaveJson configure(@PathVariable String survey, @RequestBody Settings settings) {
        Wave current = ConsoleWaves.wave(waves, survey);
        if (settings.target() != null && (settings.target() < 0 || settings.target() > MAX_TARGET)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "target must be a whole number from 0 to " + MAX_TARGET);
        }
        Wave wave = waves.configure(survey, settings.target() == null ? current.target() : settings.target(),
                settings.openLink() == null ? current.openLink() : settings.openLink()).orElseThrow();
        broadcaster.changed(survey);
        return WaveJson.of(wave);
    }

    @GetMapping("/{survey}/dashboard")
    Dashboard dashboard(@PathVariable String survey) {
        return dashboards.dashboard(ConsoleWaves.wave(waves, survey));
    }

    /** The respondents table, one row per invitee: a paged request of its own, not part of the live refresh. */
    @GetMapping("/{survey}/respondents")
    DashboardService.RespondentsPage respondents(@PathVariable String survey,
                                                 @RequestParam(defaultValue = "0") int page,
                                                 @RequestParam(defaultValue = "50") int size) {
        return dashboards.respondents(ConsoleWaves.wave(waves, survey), page, size);
    }

    @GetMapping(path = "/{survey}/events", produces = "text/event-stream")
    SseEmitter events(@PathVariable String survey) {
        ConsoleWaves.wave(waves, survey);
        return broadcaster.subscribe(survey);
    }
}
