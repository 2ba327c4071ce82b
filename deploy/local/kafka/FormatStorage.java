// Formats the local broker's storage with Kafka's own StorageTool, taking the super user's SCRAM credential from
// standard input instead of the command line, where every user of the machine could read it (ps, /proc).
// Run in source-file mode with the broker's jars on the class path:
//   java -cp '<libs>/*' FormatStorage.java format --ignore-formatted -t <cluster id> -c <server.properties>
// Standard input: one line, the value of StorageTool's --add-scram (SCRAM-SHA-512=[name=...,password=...]).
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

public class FormatStorage {
  public static void main(String[] args) throws Exception {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String scram = in.readLine();
    if (scram == null || scram.isEmpty()) {
      System.err.println("expected the --add-scram value on standard input");
      System.exit(2);
    }
    String[] all = Arrays.copyOf(args, args.length + 2);
    all[args.length] = "--add-scram";
    all[args.length + 1] = scram;
    kafka.tools.StorageTool.main(all);
  }
}
