package org.portal.users.accounts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record NewAccount(@NotBlank @Size(max = 200) String name) {
}
