package org.portal.sections.definitions;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * One partial expression index per sortable field of a section, matching the expression the list
 * query sorts on, so that sorted lists stay index scans at a million records.
 */
@ApplicationScoped
public class SortIndexes {

    private final EntityManager em;

    public SortIndexes(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void ensure(Section section) {
        for (FieldDefinition field : section.fields()) {
            if (!field.isSortable()) {
                continue;
            }
            // Section codes match ApiNames.CODE when defined: safe as SQL text.
            em.createNativeQuery(
                    "create index if not exists " + name(section.code(), field.name()) + " on records (account_id, ("
                            + field.sortExpression("") + "), id) where section_code = '" + section.code() + "'")
                    .executeUpdate();
        }
    }

    private static String name(String section, String field) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((section + "/" + field).getBytes(StandardCharsets.UTF_8));
            return "records_sort_" + HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
