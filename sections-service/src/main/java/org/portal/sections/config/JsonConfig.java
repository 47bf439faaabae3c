package org.portal.sections.config;

import jakarta.inject.Singleton;

import org.portal.sections.definitions.Decimals;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.jackson.ObjectMapperCustomizer;

/** Money and other decimals keep every digit they were sent with, trailing zeros included. */
@Singleton
public class JsonConfig implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        Decimals.exact(mapper);
    }
}
