package no.partnerskap.projections.support;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.ConfigurerModule;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Holds one processor's events at its door while a test looks at the service in between (a
 * replay under way, say); every other processor runs on. Open by default; a closed gate opens by
 * itself after a minute so that no test can hang on it.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ProcessorGate {

    private static final Duration LONGEST = Duration.ofMinutes(1);
    private final Map<String, CountDownLatch> closed = new ConcurrentHashMap<>();

    public void close(String processor) {
        closed.put(processor, new CountDownLatch(1));
    }

    public void open(String processor) {
        CountDownLatch gate = closed.remove(processor);
        if (gate != null) {
            gate.countDown();
        }
    }

    private void pass(String processor) throws InterruptedException {
        CountDownLatch gate = closed.get(processor);
        if (gate != null) {
            gate.await(LONGEST.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Bean
    ConfigurerModule processorGateInterceptors() {
        return configurer -> configurer.eventProcessing().registerDefaultHandlerInterceptor(
                (configuration, processor) -> (unitOfWork, chain) -> {
                    pass(processor);
                    return chain.proceed();
                });
    }
}
