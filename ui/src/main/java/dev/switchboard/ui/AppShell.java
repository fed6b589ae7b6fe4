package dev.switchboard.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.aura.Aura;

/**
 * The page every view lives in: the Aura theme and our few extra rules. Styles are plain {@code
 * @StyleSheet}s served from {@code META-INF/resources}, never {@code @CssImport} or a theme folder:
 * those force a custom frontend bundle, which cannot be built here (shared/STACK.md).
 */
@StyleSheet(Aura.STYLESHEET)
@StyleSheet(AppShell.STYLESHEET)
public class AppShell implements AppShellConfigurator {

    /** Our own rules, on top of Aura; the browser security chain lets it through without sign-in. */
    public static final String STYLESHEET = "styles.css";

    /** The product name, used as the page title and the brand in the header. */
    public static final String PRODUCT = "Switchboard";

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle(PRODUCT);
    }
}
