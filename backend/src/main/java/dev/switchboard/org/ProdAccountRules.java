package dev.switchboard.org;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * In the prod profile the demo passwords are public knowledge: no account may be given one, and the
 * platform refuses to start while a demo account still has its demo password.
 */
@Configuration(proxyBeanMethods = false)
@Profile("prod")
class ProdAccountRules {

    @Bean
    PasswordPolicy refuseDemoPasswords() {
        return password -> {
            if (DemoAccounts.isDemoPassword(password)) {
                throw new OrgValidationException("password", "is a documented demo password; choose another");
            }
        };
    }

    /** Runs before the bootstrap, so a prod start with a demo password never serves a request. */
    @Bean
    ApplicationRunner demoPasswordsAbsent(UserRepository users, PasswordEncoder encoder) {
        return new OrderedRunner(() -> {
            for (DemoAccounts.Account account : DemoAccounts.ALL) {
                users.findCredentials(account.username())
                        .filter(c -> encoder.matches(account.password(), c.passwordHash()))
                        .ifPresent(c -> {
                            throw new IllegalStateException("account '" + c.username()
                                    + "' still has its documented demo password;"
                                    + " change it before starting with the prod profile");
                        });
            }
        });
    }

    private record OrderedRunner(Runnable check) implements ApplicationRunner, Ordered {
        @Override
        public void run(ApplicationArguments args) {
            check.run();
        }

        @Override
        public int getOrder() {
            return OrgBootstrap.ORDER - 1;
        }
    }
}
