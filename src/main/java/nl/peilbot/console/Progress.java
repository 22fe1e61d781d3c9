package nl.peilbot.console;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import nl.peilbot.response.ResponseStatus;

/**
 * How far one response is, without any of its answers: what organisers may see.
 *
 * @param answered       ids of the questions and profile fields answered, in flow order
 * @param secondsTaken   seconds the respondent took per question answered in the chat
 * @param currentStep    the step asked now (a question id, or {@code #consent}/{@code #summary}...); null once done
 * @param partial        unfinished when its wave was closed
 * @param unit           the value of the flow's unit field in the response's profile, or null
 */
record Progress(String responseId, ResponseStatus status, boolean partial, String unit, Instant startedAt,
                Instant updatedAt, Instant completedAt, String currentStep, List<String> answered,
                Map<String, Long> secondsTaken) {

    boolean completed() {
        return status == ResponseStatus.COMPLETED;
    }
}
