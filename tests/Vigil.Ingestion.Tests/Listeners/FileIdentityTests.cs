using Vigil.Ingestion.Listeners;
using Vigil.Ingestion.Tests.Support;

namespace Vigil.Ingestion.Tests.Listeners;

public sealed class FileIdentityTests
{
    [LinuxFact]
    public void A_file_keeps_its_identity_through_a_rename_and_a_new_file_at_the_path_gets_another()
    {
        using var folder = new TempFolder();
        var path = folder.File("app.log", "x\n");
        var before = FileIdentity.OfPath(path);
        using (var open = File.OpenHandle(path))
        {
            Assert.Equal(before, FileIdentity.OfHandle(open));
        }

        File.Move(path, path + ".1");
        folder.File("app.log", "y\n");

        Assert.Matches("^[0-9]+:[0-9]+$", before);
        Assert.Equal(before, FileIdentity.OfPath(path + ".1"));
        Assert.NotEqual(before, FileIdentity.OfPath(path));
        Assert.Null(FileIdentity.OfPath(path + ".missing"));
    }
}
