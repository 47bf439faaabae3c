package org.portal.sections.definitions;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The operation a resource method performs on a section. {@link SectionCallFilter} checks it before
 * the request body is read, as the gateway does before it passes a call on: a caller without the
 * grant, the seat or an active account is refused with the gateway's 403, not told their input is
 * invalid.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface SectionCall {

    SectionOperation value();

    /** The section, where the path does not name it as {@code {code}}. */
    String section() default "";
}
