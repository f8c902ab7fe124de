package org.muster.devstack.twilio;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Everything the sandbox remembers: messages and calls in arrival order, and the numbers that opted out of SMS.
 * One lock for all of it: traffic is small, and readers must never see half an update.
 */
final class SandboxStore {

    private final Map<String, SandboxMessage> messages = new LinkedHashMap<>();
    private final Map<String, SandboxCall> calls = new LinkedHashMap<>();
    private final Set<String> unsubscribed = new HashSet<>();
    private final Map<String, Integer> requestsPerNumber = new HashMap<>();
    private final Set<String> initiallyUnsubscribed;

    SandboxStore(Set<String> initiallyUnsubscribed) {
        this.initiallyUnsubscribed = Set.copyOf(initiallyUnsubscribed);
        unsubscribed.addAll(this.initiallyUnsubscribed);
    }

    synchronized void add(SandboxMessage message) {
        messages.put(message.sid(), message);
    }

    synchronized void add(SandboxCall call) {
        calls.put(call.sid(), call);
    }

    synchronized Optional<SandboxMessage> message(String sid) {
        return Optional.ofNullable(messages.get(sid));
    }

    synchronized Optional<SandboxCall> call(String sid) {
        return Optional.ofNullable(calls.get(sid));
    }

    /** Applies {@code change} to the message if it is still stored (a reset may have dropped it). */
    synchronized Optional<SandboxMessage> updateMessage(String sid, UnaryOperator<SandboxMessage> change) {
        return Optional.ofNullable(messages.computeIfPresent(sid, (key, message) -> change.apply(message)));
    }

    synchronized Optional<SandboxCall> updateCall(String sid, UnaryOperator<SandboxCall> change) {
        return Optional.ofNullable(calls.computeIfPresent(sid, (key, call) -> change.apply(call)));
    }

    synchronized List<SandboxMessage> messages() {
        return List.copyOf(messages.values());
    }

    synchronized List<SandboxCall> calls() {
        return List.copyOf(calls.values());
    }

    /** Outbound messages to the handset, on every channel, oldest first. */
    synchronized List<SandboxMessage> messagesTo(String handset) {
        List<SandboxMessage> result = new ArrayList<>();
        for (SandboxMessage message : messages.values()) {
            if (!message.inbound() && message.handset().equals(handset)) {
                result.add(message);
            }
        }
        return result;
    }

    synchronized List<SandboxCall> callsTo(String handset) {
        return calls.values().stream().filter(call -> call.to().equals(handset)).toList();
    }

    /** Counts one more API request to {@code handset} and returns the count, 1 for the first. */
    synchronized int countRequest(String handset) {
        return requestsPerNumber.merge(handset, 1, Integer::sum);
    }

    synchronized boolean isUnsubscribed(String handset) {
        return unsubscribed.contains(handset);
    }

    synchronized void unsubscribe(String handset) {
        unsubscribed.add(handset);
    }

    synchronized void resubscribe(String handset) {
        unsubscribed.remove(handset);
    }

    synchronized Set<String> unsubscribed() {
        return Set.copyOf(unsubscribed);
    }

    /** Forgets all traffic and opt-outs, keeping the configured opt-outs. */
    synchronized void clear() {
        messages.clear();
        requestsPerNumber.clear();
        calls.clear();
        unsubscribed.clear();
        unsubscribed.addAll(initiallyUnsubscribed);
    }
}
