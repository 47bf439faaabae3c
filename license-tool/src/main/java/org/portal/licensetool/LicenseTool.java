package org.portal.licensetool;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.jose4j.jwk.PublicJsonWebKey;

/**
 * The vendor's command line: {@code keygen} writes a signing key pair, {@code sign} prints a signed
 * license file. Run with no arguments for usage.
 */
public final class LicenseTool {

    private static final String USAGE = """
            usage:
              license-tool keygen --key-id ID --private FILE --public-jwks FILE
              license-tool sign --private FILE --license-id ID --installation ID --product CODE
                                --product-users N --edition CODE --seats N --valid-from YYYY-MM-DD
                                [--valid-until YYYY-MM-DD]   (omit for a perpetual license)
            """;

    private LicenseTool() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            fail("");
        }
        Map<String, String> options = options(args);
        switch (args[0]) {
            case "keygen" -> {
                PublicJsonWebKey key = LicenseSigner.newKey(required(options, "key-id"));
                Files.writeString(Path.of(required(options, "private")), LicenseSigner.privateJwk(key));
                Files.writeString(Path.of(required(options, "public-jwks")), LicenseSigner.publicJwks(key));
            }
            case "sign" -> {
                LicenseSigner signer = LicenseSigner.fromPrivateJwk(Files.readString(Path.of(required(options, "private"))));
                String until = options.get("valid-until");
                System.out.println(signer.sign(new LicenseTerms(required(options, "license-id"),
                        required(options, "installation"), required(options, "product"),
                        Integer.parseInt(required(options, "product-users")), required(options, "edition"),
                        Integer.parseInt(required(options, "seats")), LocalDate.parse(required(options, "valid-from")),
                        until == null ? null : LocalDate.parse(until))));
            }
            default -> fail("unknown command: " + args[0]);
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                fail("expected --option value at: " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            fail("missing --" + name);
        }
        return value;
    }

    private static void fail(String message) {
        System.err.print(message.isEmpty() ? USAGE : message + "\n" + USAGE);
        System.exit(2);
    }
}
