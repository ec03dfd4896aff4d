package io.kafkaex.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafkaex.autoconfigure.KafkaExProperties;
import io.kafkaex.autoconfigure.SaslProperties;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.BindResult;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Every YAML sample of the guides binds to {@link KafkaExProperties}, without a {@code kafkaex.*} key it lacks. */
class YamlSamplesTest {

    @Test
    void everyYamlSampleBindsWithoutUnknownKafkaExKeys() throws Exception {
        Resource[] samples = new PathMatchingResourcePatternResolver().getResources("classpath*:samples/*.yml");

        assertThat(samples).hasSizeGreaterThanOrEqualTo(6);
        for (Resource sample : samples) {
            List<PropertySource<?>> sources = new YamlPropertySourceLoader().load(sample.getFilename(), sample);
            Binder binder = new Binder(ConfigurationPropertySources.from(sources));

            assertThatCode(() -> bindKafkaExStrictly(binder)).as(sample.getFilename()).doesNotThrowAnyException();
        }
    }

    @Test
    void theSecuritySampleSetsWhatItSays() throws Exception {
        Resource sample = new PathMatchingResourcePatternResolver().getResource("classpath:samples/security.yml");
        Binder binder = new Binder(ConfigurationPropertySources.from(
                new YamlPropertySourceLoader().load("security", sample)));

        assertThat(bindStrictly(binder).getSasl().getMechanism()).isEqualTo(SaslProperties.Mechanism.SCRAM_SHA_512);
    }

    @Test
    void anUnknownKafkaExKeyFailsTheBinding() {
        Binder binder = new Binder(new MapConfigurationPropertySource(Map.of("kafkaex.producer.lingr", "5ms")));

        assertThatThrownBy(() -> bindStrictly(binder)).isInstanceOf(BindException.class)
                .hasStackTraceContaining("kafkaex.producer.lingr");
    }

    private static KafkaExProperties bindStrictly(Binder binder) {
        return bindKafkaExStrictly(binder).orElseThrow(() -> new AssertionError("the sample has no kafkaex.* key"));
    }

    /** The sample's {@code kafkaex.*} keys (none, in a sample of {@code management.*} only), refusing unknown ones. */
    private static BindResult<KafkaExProperties> bindKafkaExStrictly(Binder binder) {
        return binder.bind("kafkaex", Bindable.of(KafkaExProperties.class),
                new NoUnboundElementsBindHandler(BindHandler.DEFAULT));
    }
}
