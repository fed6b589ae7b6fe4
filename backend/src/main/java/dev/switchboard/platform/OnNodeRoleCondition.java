package dev.switchboard.platform;

import java.util.EnumSet;
import java.util.Set;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Reads {@code switchboard.roles} the same way {@link SwitchboardProperties} does (empty: all roles). */
class OnNodeRoleCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        var attributes = metadata.getAnnotationAttributes(ConditionalOnNodeRole.class.getName());
        NodeRole required = (NodeRole) attributes.get("value");
        Set<NodeRole> roles = Binder.get(context.getEnvironment())
                .bind("switchboard.roles", Bindable.setOf(NodeRole.class))
                .orElse(EnumSet.allOf(NodeRole.class));
        return roles.isEmpty() || roles.contains(required);
    }
}
