package dev.switchboard.ui.prompt;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.switchboard.prompts.PromptMessage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The messages of a template in the order they are sent: a role, the content (a Jinja template) and
 * whether it is a few-shot example, with buttons to add, move and remove them. Every change is reported
 * to the editor, which validates the whole template again.
 */
final class MessagesPanel extends VerticalLayout {

    private final Runnable onChange;
    private final List<Row> rows = new ArrayList<>();
    private final VerticalLayout list = new VerticalLayout();
    private final HorizontalLayout adders;
    private boolean readOnly;

    MessagesPanel(Runnable onChange) {
        this.onChange = onChange;
        setPadding(false);
        list.setPadding(false);
        Button addMessage = new Button("Add message", click -> addAndRedraw(PromptMessage.user("")));
        addMessage.setId("message-add");
        Button addExample = new Button("Add few-shot example", click -> {
            rows.add(new Row(new PromptMessage(PromptMessage.Role.USER, true, "")));
            addAndRedraw(new PromptMessage(PromptMessage.Role.ASSISTANT, true, ""));
        });
        addExample.setId("message-add-example");
        adders = new HorizontalLayout(addMessage, addExample);
        add(new H3("Messages"), list, adders);
    }

    void fill(List<PromptMessage> messages) {
        rows.clear();
        messages.forEach(m -> rows.add(new Row(m)));
        redraw();
    }

    List<PromptMessage> messages() {
        return rows.stream().map(Row::message).toList();
    }

    /** The content input of each message, by {@link ProblemTargets#messageContent}. */
    void collectFields(Map<String, HasValidation> fields) {
        for (int i = 0; i < rows.size(); i++) {
            fields.put(ProblemTargets.messageContent(i), rows.get(i).content);
        }
    }

    void setReadOnly(boolean readOnly) {
        this.readOnly = readOnly;
        adders.setVisible(!readOnly);
        redraw();
    }

    private void addAndRedraw(PromptMessage message) {
        rows.add(new Row(message));
        redraw();
        onChange.run();
    }

    private void move(Row row, int by) {
        int from = rows.indexOf(row);
        int to = from + by;
        if (to >= 0 && to < rows.size()) {
            Collections.swap(rows, from, to);
            redraw();
            onChange.run();
        }
    }

    private void remove(Row row) {
        rows.remove(row);
        redraw();
        onChange.run();
    }

    /** Lays the rows out in their order; ids follow the position, as problem paths do. */
    private void redraw() {
        list.removeAll();
        for (int i = 0; i < rows.size(); i++) {
            rows.get(i).place(i, rows.size());
            list.add(rows.get(i).layout);
        }
    }

    private final class Row {
        private final Select<PromptMessage.Role> role = new Select<>();
        private final Checkbox example = new Checkbox("Few-shot example");
        private final TextArea content = new TextArea();
        private final Button up = new Button("↑", click -> move(this, -1));
        private final Button down = new Button("↓", click -> move(this, 1));
        private final Button remove = new Button("Remove", click -> remove(this));
        private final HorizontalLayout layout;

        Row(PromptMessage message) {
            role.setItems(PromptMessage.Role.values());
            role.setItemLabelGenerator(PromptMessage.Role::wire);
            role.setValue(message.role());
            role.setWidth("9rem");
            example.setValue(message.example());
            content.setValue(message.content());
            content.setWidthFull();
            content.setMinRows(2);
            content.setValueChangeMode(ValueChangeMode.LAZY);
            content.setManualValidation(true);
            role.addValueChangeListener(change -> onChange.run());
            example.addValueChangeListener(change -> onChange.run());
            content.addValueChangeListener(change -> onChange.run());
            up.addThemeVariants(ButtonVariant.TERTIARY);
            down.addThemeVariants(ButtonVariant.TERTIARY);
            remove.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR);
            VerticalLayout side = new VerticalLayout(role, example);
            side.setPadding(false);
            side.setSpacing(false);
            side.setWidth("12rem");
            layout = new HorizontalLayout(side, content, new VerticalLayout(up, down, remove));
            layout.setWidthFull();
            layout.setAlignItems(FlexComponent.Alignment.START);
            layout.expand(content);
        }

        void place(int index, int count) {
            String id = "message-" + index;
            layout.setId(id);
            role.setId(id + "-role");
            example.setId(id + "-example");
            content.setId(id + "-content");
            content.setLabel("Message " + (index + 1));
            up.setId(id + "-up");
            down.setId(id + "-down");
            remove.setId(id + "-remove");
            up.setEnabled(!readOnly && index > 0);
            down.setEnabled(!readOnly && index < count - 1);
            remove.setVisible(!readOnly);
            up.setVisible(!readOnly);
            down.setVisible(!readOnly);
            role.setReadOnly(readOnly);
            example.setReadOnly(readOnly);
            content.setReadOnly(readOnly);
        }

        PromptMessage message() {
            return new PromptMessage(
                    role.getValue() == null ? PromptMessage.Role.USER : role.getValue(),
                    example.getValue(),
                    content.getValue());
        }
    }
}
