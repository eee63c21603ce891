package vn.gems.plans;

import vn.gems.common.persistence.VersionedEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An agency (co quan, don vi) that issues plans, holds targets and reports. Retired agencies stay readable;
 * their duties pass to their successors.
 */
@Entity
@Table(name = "agency")
public class Agency extends VersionedEntity {

    @Id
    public String code;

    @Column(name = "name_vi", nullable = false)
    public String nameVi;

    @Column(name = "name_en", nullable = false)
    public String nameEn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AgencyKind kind;

    /** Administrative unit code, owned by indicators-service. */
    @Column(name = "unit_code", nullable = false)
    public String unitCode;

    @Column(name = "parent_code")
    public String parentCode;

    @Column(name = "valid_from", nullable = false)
    public LocalDate validFrom;

    @Column(name = "valid_to")
    public LocalDate validTo;

    @Column(name = "retired_note")
    public String retiredNote;

    /** Folded code and names for diacritic-insensitive search, kept by the entity itself. */
    @Column(name = "search_text")
    public String searchText;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "agency_successor", joinColumns = @JoinColumn(name = "agency_code"))
    @Column(name = "successor_code")
    public Set<String> successorCodes = new LinkedHashSet<>();

    public boolean activeOn(LocalDate day) {
        return !validFrom.isAfter(day) && (validTo == null || !validTo.isBefore(day));
    }

    @PrePersist
    @PreUpdate
    void foldOnWrite() {
        refreshSearchText();
    }

    public void refreshSearchText() {
        searchText = SearchText.fold(List.of(code, nameVi, nameEn), 1000);
    }
}
