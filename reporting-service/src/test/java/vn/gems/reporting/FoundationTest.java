package vn.gems.reporting;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import vn.gems.common.testing.GemsTestResource;
import vn.gems.common.testing.ServiceFoundationContract;

@QuarkusTest
@QuarkusTestResource(value = GemsTestResource.class, initArgs = @ResourceArg(name = "database", value = "gems_reporting_test"))
class FoundationTest extends ServiceFoundationContract {

    @Override
    protected String serviceName() {
        return "reporting-service";
    }
}
