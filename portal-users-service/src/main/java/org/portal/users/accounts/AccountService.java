package org.portal.users.accounts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.portal.audit.AuditTrail;
import org.portal.problem.Conflict;
import org.portal.problem.NotFound;

import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class AccountService {

    private final AuditTrail audit;

    public AccountService(AuditTrail audit) {
        this.audit = audit;
    }

    @Transactional
    public Account create(NewAccount request) {
        String name = request.name().strip();
        if (Account.count("lower(name) = lower(?1)", name) > 0) {
            throw new Conflict("An account named '" + name + "' exists already");
        }
        Account account = new Account();
        account.id = UUID.randomUUID();
        account.name = name;
        account.createdAt = Instant.now();
        account.persist();
        audit.record("account.created", "account", account.id, account.id, null, AccountView.from(account));
        return account;
    }

    @Transactional
    public List<Account> search(String text, int offset, int limit) {
        var query = text == null || text.isBlank() ? Account.<Account> findAll(Sort.by("name"))
                : Account.<Account> find("lower(name) like ?1", Sort.by("name"),
                        "%" + text.strip().toLowerCase(java.util.Locale.ROOT).replace("%", "\\%").replace("_", "\\_") + "%");
        return query.range(offset, offset + limit - 1).list();
    }

    @Transactional
    public Account rename(UUID id, NewAccount request) {
        Account account = get(id);
        String name = request.name().strip();
        if (Account.count("lower(name) = lower(?1) and id <> ?2", name, id) > 0) {
            throw new Conflict("An account named '" + name + "' exists already");
        }
        AccountView before = AccountView.from(account);
        account.name = name;
        audit.record("account.renamed", "account", account.id, account.id, before, AccountView.from(account));
        return account;
    }

    @Transactional
    public Account get(UUID id) {
        return Account.<Account> findByIdOptional(id).orElseThrow(() -> new NotFound("No account " + id));
    }
}
