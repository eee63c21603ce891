package vn.gems.indicators.push.service;

import vn.gems.indicators.push.rest.PushView;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import vn.gems.common.http.PageView;
import vn.gems.common.http.Paging;
import vn.gems.common.problem.ProblemException;
import vn.gems.common.security.Caller;
import vn.gems.common.security.Roles;
import vn.gems.indicators.config.IndicatorsConfig;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Reading pushes: a push's job view and import summary, its rejections, an agency's pushes. */
@ApplicationScoped
public class PushQueries {

    private final AgroalDataSource dataSource;
    private final IndicatorsConfig config;

    public PushQueries(AgroalDataSource dataSource, IndicatorsConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    /** A push's view, readable by its agency, its author, admins and auditors. */
    public Optional<PushView> find(long id, Caller caller) {
        try (Connection c = dataSource.getConnection()) {
            Optional<PushStore.Row> row = PushStore.find(c, id, config.push().inlineRejections());
            row.ifPresent(r -> requireReadable(r.view(), caller));
            return row.map(PushStore.Row::view);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A page of a push's rejections in line order, with their total. */
    public PageView<PushView.RejectionView> rejections(long id, Paging paging, Caller caller) {
        find(id, caller).orElseThrow(() -> ProblemException.notFound("Push", id));
        try (Connection c = dataSource.getConnection()) {
            List<PushView.RejectionView> items = PushStore.rejectionPage(c, id, (long) paging.page() * paging.size(), paging.size());
            return new PageView<>(items, PushStore.rejectionCount(c, id), paging.page(), paging.size());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Batches of the caller's agency (admins and auditors see all). */
    public PageView<PushView> list(Caller caller, Paging paging) {
        String agency = caller.hasAnyRole(Roles.ADMIN, Roles.AUDITOR) ? null : caller.requireAgency();
        try (Connection c = dataSource.getConnection()) {
            return new PageView<>(PushStore.list(c, agency, (long) paging.page() * paging.size(), paging.size()),
                    PushStore.count(c, agency), paging.page(), paging.size());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void requireReadable(PushView v, Caller caller) {
        if (caller.hasAnyRole(Roles.ADMIN, Roles.AUDITOR, Roles.SERVICE)) {
            return;
        }
        boolean own = caller.username() != null && caller.username().equals(v.createdBy());
        boolean sameAgency = caller.agency().map(a -> a.equals(v.source().agency())).orElse(false);
        if (!own && !sameAgency) {
            throw ProblemException.forbidden("NOT_YOUR_PUSH", "This push belongs to another agency");
        }
    }
}
