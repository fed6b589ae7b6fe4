package dev.switchboard.ui.prompt;

import dev.switchboard.org.OrgService;
import dev.switchboard.org.OrgUnit;
import dev.switchboard.org.UserRole;
import dev.switchboard.prompt.PromptLibrary;
import dev.switchboard.prompt.PromptVersion;
import dev.switchboard.ui.testsupport.MockBrowser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * What every prompt view test starts from: a browser session signed in as alice (a designer of
 * Marketing) and the library to make templates with.
 */
abstract class PromptViewTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    PromptLibrary library;

    @Autowired
    OrgService org;

    MockBrowser browser;
    OrgUnit marketing;

    @BeforeEach
    void openBrowserAsAlice() {
        browser = MockBrowser.open(context);
        browser.signInAs("alice", UserRole.DESIGNER);
        marketing = PromptFixtures.marketing(org);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    /** A new template of Marketing's, its first version a draft. */
    PromptVersion greeting(String prefix, String... tags) {
        return PromptFixtures.greetingIn(library, marketing, PromptFixtures.unique(prefix), tags);
    }
}
