package vn.gems.plans;

import io.quarkus.test.junit.QuarkusTest;
import vn.gems.common.testing.ServiceFoundationContract;

@QuarkusTest
class FoundationTest extends ServiceFoundationContract {

    @Override
    protected String serviceName() {
        return "plans-service";
    }
}
