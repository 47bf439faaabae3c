package org.portal.sections.config;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.format.FormatMapper;
import org.hibernate.type.format.jackson.JacksonJsonFormatMapper;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.orm.JsonFormat;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;

/**
 * JSON columns (record values, history, definitions, main pages) are written and read by the
 * service's own mapper, the API's: a decimal keeps every digit from the request through the row to
 * the answer. Hibernate's own mapper would read 1000.50 back as the double 1000.5.
 */
@JsonFormat
@PersistenceUnitExtension
@ApplicationScoped
public class JsonColumns implements FormatMapper {

    private final FormatMapper jackson;

    public JsonColumns(ObjectMapper json) {
        this.jackson = new JacksonJsonFormatMapper(json);
    }

    @Override
    public <T> T fromString(CharSequence text, JavaType<T> type, WrapperOptions options) {
        return jackson.fromString(text, type, options);
    }

    @Override
    public <T> String toString(T value, JavaType<T> type, WrapperOptions options) {
        return jackson.toString(value, type, options);
    }
}
