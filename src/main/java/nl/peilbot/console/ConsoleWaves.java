package nl.peilbot.console;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import nl.peilbot.conversation.Wave;
import nl.peilbot.conversation.Waves;

/** The wave a console path names, or 404. */
final class ConsoleWaves {

    private ConsoleWaves() {
    }

    static Wave wave(Waves waves, String survey) {
        return waves.find(survey).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such survey"));
    }
}
