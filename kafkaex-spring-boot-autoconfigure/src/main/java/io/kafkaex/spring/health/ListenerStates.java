package io.kafkaex.spring.health;

import io.kafkaex.spring.listener.ContainerState;
import io.kafkaex.spring.listener.MessageListenerContainer;

import java.util.Collection;
import java.util.List;

/** Which listener containers are in a given state; shared by the liveness and readiness indicators. */
final class ListenerStates {

    private ListenerStates() {
    }

    /** The listener ids of {@code containers} in {@code state}, in their order. */
    static List<String> idsIn(Collection<MessageListenerContainer> containers, ContainerState state) {
        return containers.stream().filter(container -> container.getState() == state)
                .map(MessageListenerContainer::getListenerId).toList();
    }
}
