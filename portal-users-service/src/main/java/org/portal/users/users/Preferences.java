package org.portal.users.users;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a portal user chooses to see. Only these keys are accepted (an unknown key is a 400), each
 * bounded, so that a client cannot store arbitrary data here: list columns per section code, the
 * language (a BCP 47 tag), the list page size, the start page and the notifications they do not want
 * (kinds by code).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Preferences(
        @Size(max = 50) Map<@Pattern(regexp = "[a-z][a-z0-9-]{0,62}") @Size(max = 63) String, @Size(max = 30) List<@Pattern(regexp = "[A-Za-z][A-Za-z0-9_.-]{0,63}") @Size(max = 64) String>> listColumns,
        @Pattern(regexp = "[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}") @Size(max = 30) String language,
        @Min(5) @Max(100) Integer pageSize,
        @Pattern(regexp = "main-page|[a-z][a-z0-9-]{0,62}") @Size(max = 63) String startPage,
        @Size(max = 20) Set<@Pattern(regexp = "[a-z][a-z-]{0,39}") @Size(max = 40) String> mutedNotifications) {

    public static final Preferences NONE = new Preferences(null, null, null, null, null);
}
