package nl.peilbot.response;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import nl.peilbot.engine.ConversationState;
import nl.peilbot.engine.Stage;

/**
 * One respondent's response to one survey wave, as stored in the {@code responses} collection.
 *
 * <p>{@code survey}, {@code flowVersion} and {@code language} repeat the state's flow id, flow version and
 * language at the top level of the document, so they must agree with it. Times are kept to the millisecond,
 * as MongoDB stores them.
 *
 * @param version          incremented by every turn; a turn commits only the version after the one it read
 * @param recentMessageIds the last {@value #RECENT_MESSAGE_IDS} client message ids applied, oldest first
 * @param channels         the channels the respondent used, in the order first used
 * @param completedAt      when it was submitted, else null
 * @param consentedAt      when the respondent agreed to the consent text, else null: the record of consent (AVG/GDPR)
 */
public record StoredResponse(
        String id,
        String survey,
        String wave,
        String flowVersion,
        ResponseStatus status,
        String language,
        List<String> channels,
        ConversationState state,
        long version,
        List<String> recentMessageIds,
        Instant startedAt,
        Instant updatedAt,
        Instant completedAt,
        Instant consentedAt) {

    public static final int RECENT_MESSAGE_IDS = 100;

    /** A response whose respondent has not consented yet. */
    public StoredResponse(String id, String survey, String wave, String flowVersion, ResponseStatus status, String language,
                          List<String> channels, ConversationState state, long version, List<String> recentMessageIds,
                          Instant startedAt, Instant updatedAt, Instant completedAt) {
        this(id, survey, wave, flowVersion, status, language, channels, state, version, recentMessageIds, startedAt,
                updatedAt, completedAt, null);
    }

    public StoredResponse {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(status, "status");
        if (!Objects.equals(survey, state.flowId()) || !Objects.equals(flowVersion, state.flowVersion())
                || !Objects.equals(language, state.language())) {
            throw new IllegalArgumentException("survey, flowVersion and language must be those of the state");
        }
        channels = channels == null ? List.of() : List.copyOf(channels);
        recentMessageIds = recentMessageIds == null ? List.of() : List.copyOf(recentMessageIds);
        startedAt = millis(startedAt);
        updatedAt = millis(updatedAt);
        completedAt = millis(completedAt);
        consentedAt = millis(consentedAt);
    }

    /** A response that has just started with {@code state}, at version 1. */
    public static StoredResponse begin(String id, String wave, ConversationState state, String channel, Instant now) {
        return new StoredResponse(id, state.flowId(), wave, state.flowVersion(), statusOf(state), state.language(),
                channel == null ? List.of() : List.of(channel), state, 1, List.of(), now, now,
                state.stage() == Stage.COMPLETED ? now : null);
    }

    /**
     * This response after a turn that produced {@code next}: one version on, the message id remembered, the
     * channel recorded, completed when the stage became {@link Stage#COMPLETED}.
     */
    public StoredResponse afterTurn(ConversationState next, String messageId, String channel, Instant now) {
        List<String> messageIds = new ArrayList<>(recentMessageIds);
        if (messageId != null) {
            messageIds.add(messageId);
        }
        List<String> usedChannels = new ArrayList<>(channels);
        if (channel != null && !usedChannels.contains(channel)) {
            usedChannels.add(channel);
        }
        ResponseStatus nextStatus = statusOf(next);
        Instant nextCompletedAt = nextStatus == ResponseStatus.COMPLETED ? (completedAt != null ? completedAt : now) : null;
        return new StoredResponse(id, next.flowId(), wave, next.flowVersion(), nextStatus, next.language(), usedChannels,
                next, version + 1, messageIds.subList(Math.max(0, messageIds.size() - RECENT_MESSAGE_IDS), messageIds.size()),
                startedAt, now, nextCompletedAt, consentedAt != null ? consentedAt : consentGiven(state, next, now));
    }

    private static Instant consentGiven(ConversationState before, ConversationState after, Instant now) {
        return awaitingConsent(before) && !awaitingConsent(after) ? now : null;
    }

    private static boolean awaitingConsent(ConversationState state) {
        return state.stage() == Stage.CONSENT || state.stage() == Stage.DECLINED;
    }

    /** Whether the client message with this id was applied already (among the recent ones). */
    public boolean applied(String messageId) {
        return messageId != null && recentMessageIds.contains(messageId);
    }

    public boolean completed() {
        return status == ResponseStatus.COMPLETED;
    }

    private static ResponseStatus statusOf(ConversationState state) {
        return state.stage() == Stage.COMPLETED ? ResponseStatus.COMPLETED : ResponseStatus.IN_PROGRESS;
    }

    private static Instant millis(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
