using System.Text.Json.Serialization;
using NpgsqlTypes;

namespace AdminPortal.Features.Chats;

/// <summary>Chat app conversations.type. Deed-O product groups are 'group' conversations.</summary>
public enum ConversationType
{
    [PgName("private")] Private,
    [PgName("group")] Group,
}

/// <summary>The seeds' attachment type, inside messages.attachments (JSON, lower case).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AttachmentType>))]
public enum AttachmentType
{
    [JsonStringEnumMemberName("file")] File,
    [JsonStringEnumMemberName("image")] Image,
    [JsonStringEnumMemberName("video")] Video,
    [JsonStringEnumMemberName("audio")] Audio,
}
