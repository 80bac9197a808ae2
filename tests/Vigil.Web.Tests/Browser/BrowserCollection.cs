namespace Vigil.Web.Tests.Browser;

/// <summary>The browser tests share one server and one browser.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
