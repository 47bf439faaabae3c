package org.portal.users.registrations;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a person tells about themselves and their company when they register. */
public record NewRegistration(@NotBlank @Size(max = 200) String displayName, @NotBlank @Size(max = 200) String companyName,
        @Size(max = 40) @Pattern(regexp = "[+0-9 ()./-]*") String phone, @Size(max = 2000) String message) {
}
