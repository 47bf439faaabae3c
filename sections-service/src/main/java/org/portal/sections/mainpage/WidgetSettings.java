package org.portal.sections.mainpage;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** A widget takes the settings of its type only, and those its type needs; each fault is reported on its setting. */
@Constraint(validatedBy = WidgetSettings.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface WidgetSettings {

    String message() default "does not fit the widget's type";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<WidgetSettings, Widget> {

        @Override
        public boolean isValid(Widget widget, ConstraintValidatorContext context) {
            List<Widget.SettingProblem> problems = widget == null ? List.of() : widget.problems();
            if (problems.isEmpty()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            for (Widget.SettingProblem problem : problems) {
                context.buildConstraintViolationWithTemplate(problem.message()).addPropertyNode(problem.setting())
                        .addConstraintViolation();
            }
            return false;
        }
    }
}
