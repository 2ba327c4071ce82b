// Creates or updates SCRAM-SHA-512 users on the local broker through the Admin API (kafkajs cannot: it has no
// AlterUserScramCredentials). Run in source-file mode with the broker's jars on the class path:
//   java -cp '<libs>/*' ScramUsers.java
// Reads from standard input, one value a line, so that no password shows on a command line:
//   bootstrap servers, admin user name, admin password, then user name and password pairs.
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;

public class ScramUsers {
  private static final int ITERATIONS = 8192;

  public static void main(String[] args) throws Exception {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    List<String> lines = new ArrayList<>();
    for (String line = in.readLine(); line != null; line = in.readLine()) lines.add(line);
    if (lines.size() < 3 || (lines.size() - 3) % 2 != 0) {
      System.err.println("expected: bootstrap, admin user, admin password, then user/password pairs");
      System.exit(2);
    }
    Properties props = new Properties();
    props.put("bootstrap.servers", lines.get(0));
    props.put("security.protocol", "SASL_PLAINTEXT");
    props.put("sasl.mechanism", "SCRAM-SHA-512");
    props.put(
        "sasl.jaas.config",
        "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
            + lines.get(1) + "\" password=\"" + lines.get(2) + "\";");
    List<UserScramCredentialAlteration> upserts = new ArrayList<>();
    for (int i = 3; i < lines.size(); i += 2) {
      upserts.add(new UserScramCredentialUpsertion(
          lines.get(i), new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, ITERATIONS), lines.get(i + 1)));
    }
    try (Admin admin = Admin.create(props)) {
      admin.alterUserScramCredentials(upserts).all().get();
    }
    System.out.println("scram users: " + upserts.size());
  }
}
