package io.kafkaex.sample;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /broker}: the reachability of each configured bootstrap server. Called on web request threads. */
@RestController
public class BrokerController {

    private final BrokerReachability reachability;

    public BrokerController(BrokerReachability reachability) {
        this.reachability = reachability;
    }

    @GetMapping("/broker")
    public List<BrokerReachability.BootstrapServerStatus> broker() {
        return reachability.check();
    }
}
