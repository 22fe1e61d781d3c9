package nl.peilbot.conversation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import nl.peilbot.conversation.Reply.Outcome;
import nl.peilbot.engine.ConversationEngine;
import nl.peilbot.engine.ConversationState;
import nl.peilbot.engine.Inbound;
import nl.peilbot.engine.Outbound;
import nl.peilbot.engine.Stage;
import nl.peilbot.engine.Turn;
import nl.peilbot.flow.Flow;
import nl.peilbot.invitation.ChannelBindings;
import nl.peilbot.invitation.Invitation;
import nl.peilbot.invitation.Invitations;
import nl.peilbot.response.ResponseProgressed;
import nl.peilbot.response.ResponseStore;
import nl.peilbot.response.StoredResponse;

/**
 * Runs each turn as load by id, engine, commit of the next version: no locks held between turns, and a write
 * that lost the race to another tab or instance changes nothing and shows the winner's state.
 */
@Service
class ConversationService implements Conversations {

    private static final Logger log = LoggerFactory.getLogger(ConversationService.class);

    private final FlowCatalog flows;
    private final Invitations invitations;
    private final ChannelBindings bindings;
    private final ResponseStore responses;
    private final ConversationEngine engine;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AccessGate gate;
    private final Withdrawals withdrawals;

    ConversationService(FlowCatalog flows, Invitations invitations, ChannelBindings bindings, ResponseStore responses,
                        ConversationEngine engine, ApplicationEventPublisher events, Clock clock, AccessGate gate,
                        Withdrawals withdrawals) {
        this.gate = gate;
        this.withdrawals = withdrawals;
        this.flows = flows;
        this.invitations = invitations;
        this.bindings = bindings;
        this.responses = responses;
        this.engine = engine;
        this.events = events;
        this.clock = clock;
    }

    /** The invitation an access leads to, and the token minted for it when it came through an open link. */
    private record Admission(Invitation invitation, String newToken) {
    }

    @Override
    public Session open(Access access, String channel) {
        return session(admit(access), channel);
    }

    @Override
    public Session open(Access access, String channel, String channelUserId) {
        Admission admission = admit(access);
        if (!bindings.bind(channel, channelUserId, admission.invitation())) {
            throw new ChannelTakenException("this invitation is in use by another " + channel + " user");
        }
        return session(admission, channel);
    }

    @Override
    public Optional<Session> resume(String channel, String channelUserId) {
        Optional<StoredResponse> response = bindings.responseOf(channel, channelUserId).flatMap(responses::find);
        // A bound chat resumes without its token, so the token's checks are made here instead.
        response.ifPresent(gate::requireResumable);
        return response.map(found -> session(found, null));
    }

    @Override
    public Optional<String> channelUser(String channel, String responseId) {
        return bindings.userOf(channel, responseId);
    }

    @Override
    public List<Outbound> current(String responseId) {
        StoredResponse response = load(responseId);
        return engine.current(flowOf(response), response.state());
    }

    private Admission admit(Access access) {
        if (access.token() != null && !access.token().isBlank()) {
            return new Admission(gate.invitation(access.token()), null);
        }
        String survey = access.surveyId();
        gate.requireOpenLink(survey);
        String newToken = invitations.openLink(survey);
        return new Admission(invitations.find(newToken)
                .orElseThrow(() -> new IllegalStateException("an open-link invitation just made cannot be found")), newToken);
    }

    private Session session(Admission admission, String channel) {
        Invitation invitation = admission.invitation();
        StoredResponse response = responses.find(invitation.responseId()).orElseGet(() -> begin(invitation, channel));
        return session(response, admission.newToken());
    }

    private Session session(StoredResponse response, String newToken) {
        Flow flow = flowOf(response);
        ConversationState state = response.state();
        return new Session(response.id(), newToken, state.language(), engine.transcript(flow, state),
                engine.current(flow, state), response.completed(), flow.id(), flow.title());
    }

    @Override
    public Reply handle(String responseId, String clientMessageId, Inbound input, String channel) {
        return handle(responseId, clientMessageId, input, channel, null);
    }

    @Override
    public Reply handle(String responseId, String clientMessageId, Inbound input, String channel, String expectedStep) {
        return handle(responseId, clientMessageId, input, channel, expectedStep, null);
    }

    @Override
    public Reply handle(String responseId, String clientMessageId, Inbound input, String channel, String expectedStep,
                        String expectedAsk) {
        long readStartedNanos = System.nanoTime();
        StoredResponse response = load(responseId);
        // A revoked invitation, a paused or closed wave record nothing, whichever channel the answer comes from.
        gate.requireResumable(response);
        Flow flow = flowOf(response);
        if (response.applied(clientMessageId)) {
            return showCurrent(Outcome.DUPLICATE, response, flow);
        }
        if (expectedStep != null && !isAsked(flow, response, expectedStep, expectedAsk)) {
            return showCurrent(Outcome.CONFLICT, response, flow);
        }
        Instant now = clock.instant();
        Turn turn = engine.handle(flow, response.state(), input, now);
        if (!turn.accepted()) {
            return new Reply(Outcome.REJECTED, response.language(), turn.messages(), response.completed());
        }
        if (turn.state().stage() == Stage.WITHDRAWN) {
            withdrawals.withdraw(response);
            return new Reply(Outcome.APPLIED, response.language(), turn.messages(), true);
        }
        StoredResponse updated = response.afterTurn(turn.state(), clientMessageId, channel, now);
        if (!responses.commit(updated, flow, readStartedNanos)) {
            StoredResponse winner = responses.find(responseId)
                    .orElseThrow(() -> new UnknownAccessException("unknown response"));
            Outcome outcome = winner.applied(clientMessageId) ? Outcome.DUPLICATE : Outcome.CONFLICT;
            return showCurrent(outcome, winner, flowOf(winner));
        }
        // ResponseCompleted comes from the store, which owns its at-least-once promise (also after a crash).
        publish(new ResponseProgressed(updated.id(), updated.survey(), updated.wave()));
        return new Reply(Outcome.APPLIED, updated.language(), turn.messages(), updated.completed());
    }

    private StoredResponse begin(Invitation invitation, String channel) {
        Flow flow = flows.current(invitation.survey())
                .orElseThrow(() -> new UnknownAccessException("survey '" + invitation.survey() + "' is closed"));
        Instant now = clock.instant();
        ConversationState state = engine.start(flow, invitation.profile(), flow.defaultLanguage(), now);
        StoredResponse response = StoredResponse.begin(invitation.responseId(), flow.wave(), state, channel, now);
        flows.recordFirstUse(flow, now);
        if (responses.insert(response, flow)) {
            publish(new ResponseProgressed(response.id(), response.survey(), response.wave()));
            return response;
        }
        // Another tab opened the same new invitation first: go on with the response it created.
        return responses.find(response.id())
                .orElseThrow(() -> new IllegalStateException("response " + response.id() + " exists but cannot be read"));
    }

    private StoredResponse load(String responseId) {
        return responses.find(responseId).orElseThrow(() -> new UnknownAccessException("unknown response"));
    }

    /** Whether the respondent is asked {@code step} now (in the asking {@code ask}, when given), or all is done. */
    private boolean isAsked(Flow flow, StoredResponse response, String step, String ask) {
        List<Outbound> current = engine.current(flow, response.state());
        return current.stream().filter(Outbound.Ask.class::isInstance).map(Outbound.Ask.class::cast)
                .reduce((first, second) -> second)
                .map(asked -> asked.stepId().equals(step) && (ask == null || ask.equals(asked.askId())))
                .orElse(COMPLETED_STEP.equals(step));
    }

    private Reply showCurrent(Outcome outcome, StoredResponse response, Flow flow) {
        return new Reply(outcome, response.language(), engine.current(flow, response.state()), response.completed());
    }

    private Flow flowOf(StoredResponse response) {
        return flows.flow(response.survey(), response.flowVersion());
    }

    private void publish(ResponseProgressed progressed) {
        try {
            events.publishEvent(progressed);
        } catch (RuntimeException e) {
            // Live progress pages are a convenience; the turn is stored either way.
            log.error("a listener of ResponseProgressed failed for response {}", progressed.responseId(), e);
        }
    }
}
