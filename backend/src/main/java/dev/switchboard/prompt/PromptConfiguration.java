package dev.switchboard.prompt;

import dev.switchboard.prompts.PromptRenderer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The prompts library's renderer (thread-safe, holds the Jinja sandbox) as one shared bean. */
@Configuration(proxyBeanMethods = false)
class PromptConfiguration {

    @Bean
    PromptRenderer promptRenderer() {
        return new PromptRenderer();
    }
}
