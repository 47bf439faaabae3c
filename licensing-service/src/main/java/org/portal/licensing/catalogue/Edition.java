package org.portal.licensing.catalogue;

import java.math.BigDecimal;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "editions")
public class Edition extends PanacheEntityBase {

    @Id
    public String code;
    public String title;
    public String audience;
    public String subscriptionTerms;
    public BigDecimal priceUsdPerUserYear;
    public String perpetualTerms;
    public int customSectionLimit;
    public int dailyCallLimit;
    public Integer maxFreeUsers;
    public Integer freeUsersPerProductUser;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "edition_grants", joinColumns = @JoinColumn(name = "edition_code"))
    public Set<Grant> grants;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "edition_products", joinColumns = @JoinColumn(name = "edition_code"))
    @Column(name = "product_code")
    public Set<String> allowedProducts;

    /** How many seats a license may use, and which limit decided it. */
    public record SeatAllowance(int seats, String bindingLimit) {
        public static final String LICENSE_SEATS = "license-seats";
        public static final String FREE_USER_MAXIMUM = "free-user-maximum";
        public static final String FREE_USERS_PER_PRODUCT_USER = "free-users-per-product-user";
    }

    /**
     * Seats this edition lets a license use: a free edition is capped at its maximum and at a multiple
     * of the main product's users, whatever the file says.
     */
    public SeatAllowance seatAllowance(int seatsInFile, int productUsers) {
        SeatAllowance allowance = new SeatAllowance(seatsInFile, SeatAllowance.LICENSE_SEATS);
        if (maxFreeUsers != null && maxFreeUsers < allowance.seats()) {
            allowance = new SeatAllowance(maxFreeUsers, SeatAllowance.FREE_USER_MAXIMUM);
        }
        if (freeUsersPerProductUser != null) {
            long perProduct = (long) freeUsersPerProductUser * productUsers;
            if (perProduct < allowance.seats()) {
                allowance = new SeatAllowance((int) perProduct, SeatAllowance.FREE_USERS_PER_PRODUCT_USER);
            }
        }
        return allowance;
    }
}
