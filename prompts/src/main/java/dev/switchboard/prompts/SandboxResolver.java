package dev.switchboard.prompts;

import java.beans.FeatureDescriptor;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import jinjava.javax.el.ELContext;
import jinjava.javax.el.ELException;
import jinjava.javax.el.ELResolver;

/**
 * The expression resolver of the sandbox: in front of Jinjava's own (which already refuses {@code
 * getClass} and friends), it lets templates read and call methods only on the plain values variables
 * hold (text, numbers, booleans, lists, maps) and on Jinjava's own helper objects, and refuses every
 * name that leads to reflection, class loading or the interpreter itself. Jinjava's sandbox has been
 * bypassed before (CVE-2025-59340 reached an {@code ObjectMapper} through the interpreter); this layer
 * does not rely on its deny list alone.
 */
final class SandboxResolver extends ELResolver {

    private static final Set<String> FORBIDDEN_NAMES = Set.of(
            "class",
            "getClass",
            "forName",
            "classLoader",
            "getClassLoader",
            "loadClass",
            "newInstance",
            "getDeclaredMethod",
            "getDeclaredMethods",
            "getMethod",
            "getMethods",
            "getDeclaredField",
            "getField",
            "getDeclaredConstructor",
            "getConstructor",
            "invoke",
            "exec",
            "getRuntime",
            "wait",
            "notify",
            "notifyAll",
            "clone",
            "finalize",
            "module",
            "getModule");

    /** Jinjava calls filters and tests as methods on their objects ({@code filter:upper.filter(...)}). */
    private static final Set<String> HELPER_MEMBERS = Set.of("filter", "evaluate", "evaluateNegated");

    private final ELResolver delegate;

    SandboxResolver(ELResolver delegate) {
        this.delegate = delegate;
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        check(base, property, "read");
        return delegate.getValue(context, base, property);
    }

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
        check(base, method, "call");
        return delegate.invoke(context, base, method, paramTypes, params);
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        check(base, property, "read");
        return delegate.getType(context, base, property);
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        check(base, property, "change");
        delegate.setValue(context, base, property, value);
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        return true;
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
        return java.util.Collections.emptyIterator();
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return delegate.getCommonPropertyType(context, base);
    }

    private static void check(Object base, Object name, String action) {
        if (base == null) {
            return; // a top-level variable: resolved from the context, never a Java object
        }
        String member = String.valueOf(name);
        if (FORBIDDEN_NAMES.contains(member) || member.startsWith("_")) {
            throw refuse("'" + member + "' is not available in templates");
        }
        if (jinjavaHelper(base)) {
            if (!HELPER_MEMBERS.contains(member)) {
                throw refuse("'" + member + "' of a filter or test is not available in templates");
            }
            return;
        }
        if (!plainValue(base)) {
            throw refuse("cannot " + action + " '" + member + "' of a "
                    + base.getClass().getSimpleName() + " in a template");
        }
    }

    private static boolean jinjavaHelper(Object base) {
        String type = base.getClass().getName();
        return type.startsWith("com.hubspot.jinjava.lib.filter.")
                || type.startsWith("com.hubspot.jinjava.lib.exptest.");
    }

    /** Values variables and Jinja expressions produce; nothing that leads to the platform or the JVM. */
    private static boolean plainValue(Object base) {
        if (base instanceof CharSequence
                || base instanceof Number
                || base instanceof Boolean
                || base instanceof Map<?, ?>
                || base instanceof Collection<?>
                || base instanceof Object[]) {
            return true;
        }
        String type = base.getClass().getName();
        return type.startsWith("com.hubspot.jinjava.objects.")
                || type.startsWith("com.hubspot.jinjava.lib.fn.MacroFunction")
                || type.startsWith("com.hubspot.jinjava.util.ForLoop");
    }

    private static ELException refuse(String message) {
        RenderSession.current().ifPresent(s -> s.violation(message));
        return new ELException("sandbox: " + message);
    }
}
