using Vigil.Storage.Discovery;

namespace Vigil.Web.Api.Discovery;

/// <summary>A page of data subjects (masked); pass <see cref="Next"/> as <c>after</c> for the next page.</summary>
internal sealed record SubjectPage(IReadOnlyList<PhiSubjectRecord> Subjects, long? Next);
